using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>
/// An environment-stack feature some manifest settings need: the environment template provides it as a stack parameter
/// named <see cref="ParameterName"/> from version <see cref="MinimumVersion"/> on.
/// </summary>
/// <param name="ParameterName">The environment stack parameter that shows the feature is available.</param>
/// <param name="FriendlyName">The name shown to users.</param>
/// <param name="MinimumVersion">The oldest environment template version with the feature.</param>
/// <param name="FieldRequiring">The manifest field that needs the feature, or null when the manifest does not.</param>
internal sealed record EnvironmentFeature(string ParameterName, string FriendlyName, string MinimumVersion, Func<ScheduledJobManifest, string?> FieldRequiring)
{
    /// <summary>The features a Scheduled Job can need, in the order they are checked.</summary>
    public static readonly IReadOnlyList<EnvironmentFeature> All =
    [
        new("NATWorkloads", "NAT Gateway", "v1.3.0", m => m.Network?.Placement == "private" ? "network.vpc.placement" : null),
        new("EFSWorkloads", "EFS", "v1.3.0", FirstManagedEfsVolume),
    ];

    private static string? FirstManagedEfsVolume(ScheduledJobManifest manifest) =>
        manifest.Storage?.Volumes
            .Where(v => v.Value.Efs is { IsManaged: true })
            .Select(v => FieldPath.Key(FieldPath.Key("storage.volumes", v.Key), "efs"))
            .FirstOrDefault();
}
