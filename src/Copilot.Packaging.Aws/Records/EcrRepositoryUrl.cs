using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Aws.Records;

/// <summary>Turns the app StackSet's <c>ECRRepo*</c> outputs into workload names and repository URLs.</summary>
internal static class EcrRepositoryUrl
{
    /// <summary>The output key prefix.</summary>
    internal const string OutputPrefix = "ECRRepo";

    /// <summary>The workload name in an output key: the part after <c>ECRRepo</c>, with <c>DASH</c> decoded to <c>-</c>.</summary>
    internal static string WorkloadName(string outputKey) => outputKey[OutputPrefix.Length..].Replace("DASH", "-", StringComparison.Ordinal);

    /// <summary>
    /// <c>arn:&lt;partition&gt;:ecr:&lt;region&gt;:&lt;account&gt;:repository/&lt;name&gt;</c> as
    /// <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com/&lt;name&gt;</c> (<c>.amazonaws.com.cn</c> in China); null when it is not such an ARN.
    /// </summary>
    internal static string? FromArn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "ecr" || !parts[5].StartsWith("repository/", StringComparison.Ordinal)
            || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return null;
        }

        return $"{parts[4]}.dkr.ecr.{parts[3]}.{AwsPartitions.DnsSuffixOfPartition(parts[1])}/{parts[5]["repository/".Length..]}";
    }
}
