using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>Where the job's task runs: the environment's public or private subnets, or explicit subnet IDs.</summary>
/// <param name="Kind">Public, private or explicit subnets.</param>
/// <param name="SubnetIds">The explicit subnet IDs (empty otherwise).</param>
internal sealed record NetworkPlacement(PlacementKind Kind, IReadOnlyList<string> SubnetIds)
{
    /// <summary>The manifest field that selects subnets by tags.</summary>
    internal const string FromTagsField = "network.vpc.placement.subnets.from_tags";

    /// <summary>The offline alternative to <see cref="FromTagsField"/>, as advice (lower case, to follow "or").</summary>
    internal const string ListSubnetIdsAdvice = "list the subnet IDs under network.vpc.placement.subnets instead of from_tags.";

    /// <summary>True when the task gets a public IP (public subnets only).</summary>
    public bool AssignPublicIp => Kind == PlacementKind.Public;

    /// <summary>Reads <c>network.vpc.placement</c>.</summary>
    /// <exception cref="CopilotJobException">Subnets are given by tags that were not resolved to IDs (no AWS access).</exception>
    public static NetworkPlacement From(ScheduledJobManifest manifest)
    {
        var network = manifest.Network;
        if (network is null)
        {
            return new NetworkPlacement(PlacementKind.Public, []);
        }

        if (network.Placement is { } placement)
        {
            return new NetworkPlacement(
                string.Equals(placement, "private", StringComparison.Ordinal) ? PlacementKind.Private : PlacementKind.Public, []);
        }

        if (network.SubnetIds is { } ids)
        {
            return new NetworkPlacement(PlacementKind.Subnets, ids);
        }

        if (network.SubnetsFromTags is not null)
        {
            throw new CopilotJobException(
                "subnets.from_tags needs AWS access: the subnet IDs are looked up with EC2 DescribeSubnets in the environment's region when packaging, " +
                "and this run has no AWS access (copilot/.records.yml cannot hold subnet IDs)",
                manifest.Source.Locate(FromTagsField),
                "Run with AWS credentials and a region configured, or " + ListSubnetIdsAdvice);
        }

        return new NetworkPlacement(PlacementKind.Public, []);
    }
}

/// <summary>The kinds of placement.</summary>
internal enum PlacementKind
{
    /// <summary>The environment's public subnets, with a public IP.</summary>
    Public,

    /// <summary>The environment's private subnets (needs NAT).</summary>
    Private,

    /// <summary>Explicit subnet IDs, without a public IP.</summary>
    Subnets,
}
