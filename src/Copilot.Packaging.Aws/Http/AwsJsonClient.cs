using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;

namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// The AWS JSON 1.1 protocol (ECR): a POST of a JSON document with <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>,
/// and a JSON answer. Errors become <see cref="AwsServiceException"/>.
/// </summary>
internal sealed class AwsJsonClient(AwsHttpSender sender, AwsServiceEndpoint endpoint, AWSCredentials credentials, string targetPrefix)
{
    /// <summary>
    /// Calls <paramref name="operation"/> with a request document and returns the parsed answer (an empty object for an
    /// empty body). The request is written with source-generated metadata (<paramref name="requestType"/>), never by
    /// reflection, so the client works in a Native AOT build.
    /// </summary>
    internal async Task<JsonDocument> CallAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var text = await sender.PostAsync(
            endpoint,
            credentials,
            operation,
            "application/x-amz-json-1.1",
            body,
            [new("x-amz-target", $"{targetPrefix}.{operation}")],
            ParseError,
            cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(text.Length == 0 ? "{}" : text, AwsAnswerLimits.Json);
        }
        catch (JsonException ex)
        {
            throw new AwsServiceException(endpoint.Service, operation, "InvalidResponse", $"the answer is not JSON ({ex.Message})", System.Net.HttpStatusCode.OK);
        }
    }

    /// <summary>Reads <c>__type</c> (without its namespace prefix) and <c>message</c> from a JSON error body.</summary>
    internal static (string Code, string Message) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(body), AwsAnswerLimits.Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (string.Empty, string.Empty);
            }

            var root = document.RootElement;
            var type = root.TryGetProperty("__type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            var hash = type.LastIndexOf('#');
            var code = hash >= 0 ? type[(hash + 1)..] : type;
            var message = root.TryGetProperty("message", out var m) || root.TryGetProperty("Message", out m) ? m.GetString() ?? string.Empty : string.Empty;
            return (code, message);
        }
        catch (JsonException)
        {
            return (string.Empty, string.Empty);
        }
    }
}
