using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>Where the job's task runs: the environment's public or private subnets, or explicit subnet IDs.</summary>
/// <param name="Kind">Public, private or explicit subnets.</param>
/// <param name="SubnetIds">The explicit subnet IDs (empty otherwise).</param>
internal sealed record NetworkPlacement(PlacementKind Kind, IReadOnlyList<string> SubnetIds)
{
    /// <summary>True when the task gets a public IP (public subnets only).</summary>
    public bool AssignPublicIp => Kind == PlacementKind.Public;

    /// <summary>Reads <c>network.vpc.placement</c>.</summary>
    /// <exception cref="CopilotJobException">Subnets are given by tags that were not resolved to IDs.</exception>
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
            const string field = "network.vpc.placement.subnets.from_tags";
            throw new CopilotJobException(
                "subnets selected by tags were not resolved to subnet IDs before rendering; expected the subnet IDs to be looked up in the environment's region",
                manifest.Source.Locate(field));
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
