using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// Sends one signed AWS request over HTTP: signs it with <see cref="AwsSigV4Signer"/>, retries throttling, 5xx and
/// unreachable-endpoint failures with backoff, and turns an error response into <see cref="AwsServiceException"/>.
/// An endpoint that stays unreachable becomes a <see cref="CopilotJobException"/> naming it.
/// </summary>
internal sealed class AwsHttpSender(HttpClient http, AwsRetryPolicy retry, IAwsCallObserver? observer, AwsDeadline? deadline = null)
{
    private readonly AwsDeadline deadline = deadline ?? new AwsDeadline(AwsDeadline.DefaultBudget);

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
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= retry.MaxAttempts;
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
                await Task.Delay(retry.DelayBefore(attempt + 1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new AwsServiceException(endpoint.Service, operation, code, message, status);
        }
    }

    private static HttpRequestMessage CreateRequest(
        AwsServiceEndpoint endpoint,
        AwsSigningKey key,
        string contentType,
        byte[] body,
        IReadOnlyList<KeyValuePair<string, string>> extraHeaders)
    {
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.UtcDateTime.ToString(AwsSigV4Signer.DateTimeFormat, CultureInfo.InvariantCulture);
        var uri = new Uri(endpoint.Url, "/");
        var signed = new List<KeyValuePair<string, string>>
        {
            new("host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}"),
            new("x-amz-date", amzDate),
            new("content-type", contentType),
        };
        signed.AddRange(extraHeaders);
        if (key.SessionToken is { Length: > 0 } token)
        {
            signed.Add(new("x-amz-security-token", token));
        }

        var authorization = AwsSigV4Signer.CreateAuthorization("POST", uri, signed, body, key, endpoint.Region, endpoint.SigningName, now);

        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in signed)
        {
            if (name is "host" or "content-type")
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
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
