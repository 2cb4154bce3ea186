using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// Sends one signed AWS request over HTTP: signs it with AWSSDK.Core's public SigV4 signer
/// (<see cref="AWSSigV4Signer"/>), retries throttling, 5xx and unreachable-endpoint failures as
/// <see cref="AwsRetryPolicy"/> says, and turns an error response into <see cref="AwsServiceException"/>.
/// An endpoint that stays unreachable becomes a <see cref="CopilotJobException"/> naming it.
/// </summary>
internal sealed class AwsHttpSender(HttpClient http, AwsRetryPolicy retry, IAwsCallObserver? observer, AwsDeadline? deadline = null)
{
    private readonly AwsDeadline deadline = deadline ?? new AwsDeadline(AwsDeadline.DefaultBudget);
    private readonly Lock gate = new();
    private long holdUntil;

    /// <summary>The retry policy in use.</summary>
    internal AwsRetryPolicy Retry => retry;

    /// <summary>Sends a POST to the endpoint root and returns the response body of a 2xx answer.</summary>
    /// <param name="endpoint">Where to send and how to sign.</param>
    /// <param name="credentials">The credentials to sign with (resolved for each attempt, so refreshed keys are used).</param>
    /// <param name="operation">The operation name, for messages and the observer.</param>
    /// <param name="contentType">The body's content type.</param>
    /// <param name="body">The body.</param>
    /// <param name="extraHeaders">Further headers to send and sign (for example <c>X-Amz-Target</c>).</param>
    /// <param name="parseError">Reads the error code and message from an error response body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal async Task<string> PostAsync(
        AwsServiceEndpoint endpoint,
        AWSCredentials credentials,
        string operation,
        string contentType,
        byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> extraHeaders,
        Func<string, (string Code, string Message)> parseError,
        CancellationToken cancellationToken)
    {
        observer?.OnCall(endpoint.Service, operation, endpoint.Region);
        return await deadline.RunAsync(
            endpoint.Service,
            operation,
            endpoint.Region,
            token => SendWithRetriesAsync(endpoint, credentials, operation, contentType, body, extraHeaders, parseError, token),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> SendWithRetriesAsync(
        AwsServiceEndpoint endpoint,
        AWSCredentials credentials,
        string operation,
        string contentType,
        byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> extraHeaders,
        Func<string, (string Code, string Message)> parseError,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= retry.MaxAttempts;
            await WaitOutThrottlingAsync(cancellationToken).ConfigureAwait(false);
            var key = await ResolveKeyAsync(credentials, endpoint, operation).WaitAsync(cancellationToken).ConfigureAwait(false);
            using var request = CreateRequest(endpoint, key, contentType, body, extraHeaders);
            HttpStatusCode status;
            string text;
            try
            {
                // One attempt: headers and body within the attempt timeout (HttpClient.Timeout alone stops at the headers).
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(http.Timeout);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                status = response.StatusCode;
                text = await AwsAnswerLimits.ReadBodyAsync(response.Content, endpoint.Service, operation, attemptTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (last)
                {
                    throw ex is OperationCanceledException
                        ? deadline.Expired(endpoint.Service, operation, endpoint.Region, watch.Elapsed, ex)
                        : Unreachable(endpoint, operation, attempt, ex);
                }

                await Task.Delay(retry.DelayBefore(attempt + 1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if ((int)status is >= 200 and < 300)
            {
                return text;
            }

            var (code, message) = parseError(text);
            if (code.Length == 0)
            {
                code = $"HTTP{(int)status}";
                message = text;
            }

            if (!last && AwsRetryPolicy.IsRetryable((int)status, code))
            {
                var delay = retry.DelayBefore(attempt + 1);
                if (retry.Mode == AwsRetryMode.Adaptive && AwsRetryPolicy.IsThrottling((int)status, code))
                {
                    HoldBack(delay);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new AwsServiceException(endpoint.Service, operation, code, message, status);
        }
    }

    /// <summary>Adaptive mode: after a throttling answer, no request of this sender goes out before the backoff has passed.</summary>
    private void HoldBack(TimeSpan delay)
    {
        lock (gate)
        {
            holdUntil = Math.Max(holdUntil, Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency));
        }
    }

    private async Task WaitOutThrottlingAsync(CancellationToken cancellationToken)
    {
        long until;
        lock (gate)
        {
            until = holdUntil;
        }

        var wait = until - Stopwatch.GetTimestamp();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Builds the request and signs it with AWSSDK.Core's public standalone SigV4 signer (<see cref="AWSSigV4Signer"/>,
    /// <c>Amazon.Runtime.Signing</c>, public since AWSSDK.Core 4.1): the maintained signer of the SDK, not a copy. The
    /// credentials were resolved already (so a failing credential source is reported as such), and are passed as
    /// static ones, so signing does no IO.
    /// </summary>
    internal static HttpRequestMessage CreateRequest(
        AwsServiceEndpoint endpoint,
        AwsSigningKey key,
        string contentType,
        byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> extraHeaders,
        DateTime? signedAt = null)
    {
        var uri = new Uri(endpoint.Url, "/");
        var toSign = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = uri, Content = body };
        toSign.Headers["Content-Type"] = contentType;
        foreach (var (name, value) in extraHeaders)
        {
            toSign.Headers[name] = value;
        }

        var signed = AWSSigV4Signer.Sign(toSign, new AWSSigV4Parameters
        {
            Credentials = key.SessionToken is { Length: > 0 } token
                ? new SessionAWSCredentials(key.AccessKeyId, key.SecretAccessKey, token)
                : new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey),
            Region = RegionEndpoint.GetBySystemName(endpoint.Region),
            Service = endpoint.SigningName,
            SignedAt = signedAt,
        });

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in extraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task<AwsSigningKey> ResolveKeyAsync(AWSCredentials credentials, AwsServiceEndpoint endpoint, string operation)
    {
        try
        {
            var resolved = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            return new AwsSigningKey(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null);
        }
        catch (Exception ex) when (IsCredentialFailure(ex))
        {
            // credential_process, SSO and web identity run or read something outside this tool: a failing or
            // malformed source is the user's environment, not a bug.
            throw new CopilotJobException(
                $"could not get AWS credentials for {endpoint.Service} {operation}: {ex.Message}",
                recommendation: AwsContext.CredentialsAdvice,
                innerException: ex);
        }
    }

    /// <summary>True for what the SDK's credential providers throw when their source fails or answers nonsense.</summary>
    internal static bool IsCredentialFailure(Exception ex) =>
        ex is AmazonClientException or ProcessAWSCredentialException or System.ComponentModel.Win32Exception or InvalidOperationException or FormatException
            or System.Text.Json.JsonException or IOException or UnauthorizedAccessException or ArgumentException;

    private static CopilotJobException Unreachable(AwsServiceEndpoint endpoint, string operation, int attempts, Exception ex) =>
        new(
            $"could not reach {endpoint.Service} at {endpoint.Url} for {operation} after {attempts} attempt(s): {Display.Value(ex.Message)}",
            recommendation: "Check the network connection, and AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) if it is set.",
            innerException: ex);
}
