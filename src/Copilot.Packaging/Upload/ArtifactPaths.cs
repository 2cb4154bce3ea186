using System.Security.Cryptography;
using System.Text;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Upload;

/// <summary>
/// The content-addressed S3 keys copilot uses for uploaded artifacts (so a re-run with the same content writes the
/// same keys), and how an uploaded object is named in templates.
/// </summary>
internal static class ArtifactPaths
{
    /// <summary><c>manual/env-files/&lt;file name&gt;/&lt;sha256hex&gt;.env</c>.</summary>
    public static string EnvFile(string path, ReadOnlySpan<byte> content) =>
        $"manual/env-files/{FileName(path)}/{Sha256Hex(content)}.env";

    /// <summary><c>manual/addons/&lt;job&gt;/assets/&lt;hash&gt;</c>.</summary>
    public static string AddonsAsset(string job, string hashHex) => $"manual/addons/{job}/assets/{hashHex}";

    /// <summary><c>manual/addons/&lt;job&gt;/&lt;sha256hex&gt;.yml</c> of the template text.</summary>
    public static string AddonsTemplate(string job, string templateText) =>
        $"manual/addons/{job}/{Sha256Hex(Encoding.UTF8.GetBytes(templateText))}.yml";

    /// <summary>The object's ARN, <c>arn:&lt;partition&gt;:s3:::&lt;bucket&gt;/&lt;key&gt;</c>.</summary>
    public static string Arn(string partition, string bucket, string key) => $"arn:{partition}:s3:::{bucket}/{key}";

    /// <summary>The object's virtual-hosted URL, <c>https://&lt;bucket&gt;.s3.&lt;region&gt;.amazonaws.com/&lt;key&gt;</c> (<c>.com.cn</c> in China).</summary>
    public static string Url(string bucket, string region, string key)
    {
        return $"https://{bucket}.s3.{region}.{AwsPartitions.DnsSuffixOfRegion(region)}/{key}";
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Go's <c>filepath.Base</c> on a manifest path, for either separator.</summary>
    private static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        if (trimmed.Length == 0)
        {
            return path.Length == 0 ? "." : "/";
        }

        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}
