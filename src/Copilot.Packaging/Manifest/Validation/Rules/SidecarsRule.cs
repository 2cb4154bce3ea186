using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Each sidecar: an image (URI or build, not both), complete mount points on known volumes, a parsable port with
/// protocol TCP or UDP, and valid <c>depends_on</c> statuses. (Env files are checked by <see cref="EnvFileRule"/>.)
/// </summary>
internal sealed class SidecarsRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            var prefix = FieldPath.Key("sidecars", name);
            CheckImage(sidecar, prefix, diagnostics);
            CheckMountPoints(manifest, sidecar, prefix, diagnostics);
            if (sidecar.Port is { } port)
            {
                _ = SidecarPort.Split(port, out var error);
                if (error is not null)
                {
                    diagnostics.Error(FieldPath.Key(prefix, "port"), error);
                }
            }

            ContainerDependencyStatus.CheckStatuses(sidecar.DependsOn, FieldPath.Key(prefix, "depends_on"), diagnostics);
        }
    }

    private static void CheckImage(SidecarConfig sidecar, string prefix, DiagnosticCollector diagnostics)
    {
        if (sidecar.ImageBuild is not null && sidecar.ImageLocation is not null)
        {
            diagnostics.Error(FieldPath.Key(prefix, "image.location"), "must specify one of \"build\" and \"location\", not both; remove one of them");
        }
        else if (sidecar.ImageBuild is null && string.IsNullOrEmpty(sidecar.ImageLocation))
        {
            diagnostics.Error(FieldPath.Key(prefix, "image"), "must specify one of \"image\", \"image.build\", or \"image.location\"; every sidecar needs an image");
        }
    }

    private static void CheckMountPoints(ScheduledJobManifest manifest, SidecarConfig sidecar, string prefix, DiagnosticCollector diagnostics)
    {
        var volumes = manifest.Storage?.Volumes ?? new Dictionary<string, VolumeConfig>();

        // Volumes may also be added by taskdef_overrides; then an unknown name is not necessarily a mistake.
        var overridesAddVolumes = manifest.TaskDefOverrides.Any(o => o.Path?.StartsWith("Volumes", StringComparison.Ordinal) == true);
        for (var i = 0; i < sidecar.MountPoints.Count; i++)
        {
            var mountPoint = sidecar.MountPoints[i];
            var path = FieldPath.Index(FieldPath.Key(prefix, "mount_points"), i);
            if (string.IsNullOrEmpty(mountPoint.SourceVolume))
            {
                diagnostics.Error(FieldPath.Key(path, "source_volume"), "\"source_volume\" must be specified; expected the name of a volume under \"storage.volumes\"");
            }
            else if (!volumes.ContainsKey(mountPoint.SourceVolume) && !overridesAddVolumes)
            {
                var known = volumes.Count == 0 ? "none are defined" : "defined volumes: " + string.Join(", ", volumes.Keys);
                diagnostics.Error(
                    FieldPath.Key(path, "source_volume"),
                    $"\"source_volume\" {mountPoint.SourceVolume} is not a volume under \"storage.volumes\" ({known}); ECS would reject the mount point at deploy time");
            }

            VolumesRule.CheckPath(mountPoint.Path, FieldPath.Key(path, "path"), diagnostics);
        }
    }
}
