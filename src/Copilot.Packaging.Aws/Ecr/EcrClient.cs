using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Aws.Ecr;

/// <summary>ECR over the JSON 1.1 protocol (target prefix <c>AmazonEC2ContainerRegistry_V20150921</c>).</summary>
internal sealed class EcrClient(AwsJsonClient json) : IEcrClient
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(IReadOnlyList<string> repositoryNames, CancellationToken cancellationToken)
    {
        var repositories = new List<EcrRepository>();
        string? nextToken = null;
        do
        {
            var request = new DescribeRepositoriesRequest(repositoryNames, nextToken);
            using var answer = await json.CallAsync("DescribeRepositories", request, EcrJsonContext.Default.DescribeRepositoriesRequest, cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            if (root.TryGetProperty("repositories", out var list))
            {
                repositories.AddRange(list.EnumerateArray().Select(r => new EcrRepository(
                    String(r, "repositoryName"),
                    String(r, "repositoryArn"),
                    String(r, "repositoryUri"),
                    String(r, "registryId"))));
            }

            nextToken = root.TryGetProperty("nextToken", out var token) && token.GetString() is { Length: > 0 } t ? t : null;
        }
        while (nextToken is not null);

        return repositories;
    }

    /// <inheritdoc />
    public async Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken)
    {
        using var answer = await json.CallAsync("GetAuthorizationToken", new GetAuthorizationTokenRequest(), EcrJsonContext.Default.GetAuthorizationTokenRequest, cancellationToken).ConfigureAwait(false);
        var data = answer.RootElement.TryGetProperty("authorizationData", out var list) ? list.EnumerateArray().FirstOrDefault() : default;
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new AwsServiceException("ECR", "GetAuthorizationToken", "InvalidResponse", "the answer has no authorizationData", HttpStatusCode.OK);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(String(data, "authorizationToken")));
        }
        catch (FormatException)
        {
            throw new AwsServiceException("ECR", "GetAuthorizationToken", "InvalidResponse", "the authorization token is not base64", HttpStatusCode.OK);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new AwsServiceException("ECR", "GetAuthorizationToken", "InvalidResponse", "the authorization token is not user:password", HttpStatusCode.OK);
        }

        DateTimeOffset? expiresAt = data.TryGetProperty("expiresAt", out var e) && e.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(e.GetDouble() * 1000))
            : null;
        return new EcrAuthorization(decoded[..colon], decoded[(colon + 1)..], String(data, "proxyEndpoint"), expiresAt);
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}

/// <summary>The <c>DescribeRepositories</c> request: <c>{"repositoryNames":[…],"nextToken":"…"}</c>, the token only when paging.</summary>
internal sealed record DescribeRepositoriesRequest(IReadOnlyList<string> RepositoryNames, string? NextToken);

/// <summary>The <c>GetAuthorizationToken</c> request: an empty object (the account's default registry).</summary>
internal sealed record GetAuthorizationTokenRequest;

/// <summary>Source-generated serializer metadata for the ECR requests (no reflection: the tool ships as Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeRepositoriesRequest))]
[JsonSerializable(typeof(GetAuthorizationTokenRequest))]
internal sealed partial class EcrJsonContext : JsonSerializerContext;
