using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds <c>sidecars</c>: each named sidecar container.</summary>
internal static class SidecarBinder
{
    public static IReadOnlyDictionary<string, SidecarConfig> Bind(BindContext context, ManifestNode? node, string path)
    {
        var result = new Dictionary<string, SidecarConfig>(StringComparer.Ordinal);
        foreach (var (name, value) in ValueReader.Entries(context, node, path, "a map of sidecar names to sidecar settings"))
        {
            var sidecarPath = BindContext.Join(path, name);
            context.Record(sidecarPath, value);
            var sidecar = MapReader.Open(context, value, sidecarPath, ManifestSchema.Sidecar);
            result[name] = sidecar is null ? new SidecarConfig() : Sidecar(sidecar);
        }

        return result;
    }

    private static SidecarConfig Sidecar(MapReader sidecar)
    {
        var context = sidecar.Context;
        var (location, build) = ImageBinder.Sidecar(context, sidecar["image"], sidecar.PathOf("image"));
        return new SidecarConfig
        {
            Port = sidecar.String("port"),
            ImageLocation = location,
            ImageBuild = build,
            Essential = sidecar.Bool("essential"),
            CredentialsParameter = sidecar.String("credentialsParameter"),
            Variables = sidecar.Variables("variables"),
            EnvFile = sidecar.String("env_file"),
            Secrets = sidecar.Secrets("secrets"),
            MountPoints = MountPoints(context, sidecar["mount_points"], sidecar.PathOf("mount_points")),
            Labels = sidecar.StringMap("labels"),
            DependsOn = sidecar.StringMap("depends_on"),
            HealthCheck = ImageBinder.HealthCheck(sidecar.Map("healthcheck", ManifestSchema.HealthCheck)),
            EntryPoint = sidecar.CommandLine("entrypoint"),
            Command = sidecar.CommandLine("command"),
        };
    }

    private static IReadOnlyList<MountPointConfig> MountPoints(BindContext context, ManifestNode? node, string path)
    {
        var result = new List<MountPointConfig>();
        foreach (var (item, itemPath) in ValueReader.Items(context, node, path, "a list of mount points"))
        {
            if (MapReader.Open(context, item, itemPath, ManifestSchema.MountPoint) is { } mount)
            {
                result.Add(new MountPointConfig
                {
                    SourceVolume = mount.String("source_volume"),
                    Path = mount.String("path"),
                    ReadOnly = mount.Bool("read_only"),
                });
            }
        }

        return result;
    }
}
