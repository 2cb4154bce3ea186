using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>
/// An independent AWS Signature Version 4 computation from the published algorithm (the product's signer before it
/// used AWSSDK.Core's), kept as a test oracle: it is checked against the AWS test-suite vectors, and the requests the
/// product signs through AWSSDK.Core's <c>AWSSigV4Signer</c> are checked against it.
/// </summary>
internal static class ReferenceSigV4
{
    /// <summary>The signing algorithm name.</summary>
    internal const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The <c>X-Amz-Date</c> format.</summary>
    internal const string DateTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Computes the <c>Authorization</c> header value.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="uri">The request URI (path and query are signed).</param>
    /// <param name="headers">The headers to sign; must include <c>host</c> and <c>x-amz-date</c> (names are case-insensitive).</param>
    /// <param name="body">The request body.</param>
    /// <param name="key">The signing key material.</param>
    /// <param name="region">The region in the credential scope.</param>
    /// <param name="service">The signing name of the service, for example <c>cloudformation</c>.</param>
    /// <param name="time">The request time; must equal the <c>x-amz-date</c> header.</param>
    internal static string CreateAuthorization(
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        AwsSigningKey key,
        string region,
        string service,
        DateTimeOffset time)
    {
        var canonicalHeaders = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: CollapseSpaces(h.Value.Trim())))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', canonicalHeaders.Select(h => h.Name));

        var canonicalRequest = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in canonicalHeaders)
        {
            canonicalRequest.Append(name).Append(':').Append(value).Append('\n');
        }

        canonicalRequest.Append('\n').Append(signedHeaders).Append('\n').Append(HexSha256(body));

        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join(
            '\n',
            Algorithm,
            time.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            scope,
            HexSha256(Encoding.UTF8.GetBytes(canonicalRequest.ToString())));

        var signingKey = Hmac(Encoding.UTF8.GetBytes("AWS4" + key.SecretAccessKey), date);
        signingKey = Hmac(signingKey, region);
        signingKey = Hmac(signingKey, service);
        signingKey = Hmac(signingKey, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

        return $"{Algorithm} Credential={key.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="data"/> (also the <c>x-amz-content-sha256</c> value).</summary>
    internal static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        return path.Length == 0 ? "/" : path;
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? p : p[..eq];
                var value = eq < 0 ? string.Empty : p[(eq + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 percent-encoding, as SigV4 requires (unreserved characters stay as they are).</summary>
    internal static string Encode(string value) => Uri.EscapeDataString(value);

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ' && previousSpace)
            {
                continue;
            }

            previousSpace = c == ' ';
            builder.Append(c);
        }

        return builder.ToString();
    }
}

