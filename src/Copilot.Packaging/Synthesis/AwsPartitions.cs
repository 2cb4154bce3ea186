using System.Text.RegularExpressions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Synthesis;

/// <summary>Finds the AWS partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...) a region belongs to.</summary>
internal static partial class AwsPartitions
{
    private static readonly (Regex Pattern, string Partition)[] Partitions =
    [
        (UsGov(), "aws-us-gov"),
        (China(), "aws-cn"),
        (IsoB(), "aws-iso-b"),
        (IsoF(), "aws-iso-f"),
        (IsoE(), "aws-iso-e"),
        (Iso(), "aws-iso"),
        (Commercial(), "aws"),
    ];

    /// <summary>The DNS suffix of the China partition (<c>aws-cn</c>).</summary>
    public const string ChinaDnsSuffix = "amazonaws.com.cn";

    /// <summary>The DNS suffix of every other partition this tool addresses.</summary>
    public const string DefaultDnsSuffix = "amazonaws.com";

    /// <summary>The DNS suffix of service endpoints in <paramref name="region"/>: <c>amazonaws.com.cn</c> for <c>cn-*</c> regions, else <c>amazonaws.com</c>.</summary>
    public static string DnsSuffixOfRegion(string region) => region.StartsWith("cn-", StringComparison.Ordinal) ? ChinaDnsSuffix : DefaultDnsSuffix;

    /// <summary>The DNS suffix of service endpoints in <paramref name="partition"/>: <c>amazonaws.com.cn</c> for <c>aws-cn</c>, else <c>amazonaws.com</c>.</summary>
    public static string DnsSuffixOfPartition(string partition) => partition == "aws-cn" ? ChinaDnsSuffix : DefaultDnsSuffix;

    /// <summary>The partition of <paramref name="region"/>.</summary>
    /// <exception cref="CopilotJobException">The region does not look like an AWS region.</exception>
    public static string ForRegion(string region)
    {
        foreach (var (pattern, partition) in Partitions)
        {
            if (pattern.IsMatch(region))
            {
                return partition;
            }
        }

        throw new CopilotJobException(
            $"find the partition for region {region}: the region is not a known AWS region; expected a region such as us-west-2, cn-north-1 or us-gov-west-1");
    }

    [GeneratedRegex(@"^us-gov-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex UsGov();

    [GeneratedRegex(@"^cn-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex China();

    [GeneratedRegex(@"^us-isob-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoB();

    [GeneratedRegex(@"^us-isof-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoF();

    [GeneratedRegex(@"^eu-isoe-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoE();

    [GeneratedRegex(@"^us-iso-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Commercial();
}
