using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>network.vpc.placement</c>: when written it cannot be empty, and its string form must be public or private.</summary>
internal sealed class NetworkRule : IManifestRule
{
    private const string FieldPathOfPlacement = "network.vpc.placement";

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var network = manifest.Network;
        if (network is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(network.Placement))
        {
            if (network.Placement is not ("public" or "private"))
            {
                diagnostics.Error(FieldPathOfPlacement, $"\"placement\" {network.Placement} must be one of public, private (or a map with \"subnets\")");
            }

            return;
        }

        var hasSubnets = network.SubnetIds is { Count: > 0 } || network.SubnetsFromTags is { Count: > 0 };
        if (network.PlacementSpecified && !hasSubnets)
        {
            diagnostics.Error(FieldPathOfPlacement, "\"placement\" cannot be empty; expected public, private, or a map with \"subnets\"");
        }
    }
}
