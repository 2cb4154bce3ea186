using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;
using Copilot.Packaging.Manifest.EnvironmentOverrides;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>
/// Binds a manifest map (a whole document, or one override block) to <see cref="ScheduledJobManifest"/>, collecting every
/// problem and the location of every field into the <see cref="BindContext"/>.
/// </summary>
internal static class ManifestBinder
{
    public static ScheduledJobManifest Bind(BindContext context, MappingNode document, string path)
    {
        var place = context.Mode == BindMode.Override ? ManifestSchema.EnvironmentOverride : ManifestSchema.Root;
        var root = MapReader.Wrap(context, document, path, place);
        var (count, hasAutoscaling) = TaskSettingsBinder.Count(context, root["count"], root.PathOf("count"));
        TaskSettingsBinder.Exec(context, root["exec"], root.PathOf("exec"));
        if (context.Mode == BindMode.Document)
        {
            CheckEnvironments(context, root);
        }

        var on = root.Map("on", ManifestSchema.On);
        var defaults = new ScheduledJobManifest { Name = string.Empty };
        return new ScheduledJobManifest
        {
            Name = root.String("name") ?? string.Empty,
            Type = root.String("type") ?? defaults.Type,
            Image = ImageBinder.Main(root.Map("image", ManifestSchema.Image)),
            EntryPoint = root.CommandLine("entrypoint"),
            Command = root.CommandLine("command"),
            Cpu = root.Int("cpu") ?? defaults.Cpu,
            Memory = root.Int("memory") ?? defaults.Memory,
            Count = count ?? defaults.Count,
            CountHasAutoscaling = hasAutoscaling,
            Platform = TaskSettingsBinder.Platform(context, root["platform"], root.PathOf("platform")),
            Variables = root.Variables("variables"),
            Secrets = root.Secrets("secrets"),
            EnvFile = root.String("env_file"),
            Storage = StorageBinder.Bind(root.Map("storage", ManifestSchema.Storage)),
            Logging = LoggingBinder.Bind(root.Map("logging", ManifestSchema.Logging)),
            Sidecars = SidecarBinder.Bind(context, root["sidecars"], root.PathOf("sidecars")),
            Network = NetworkBinder.Bind(root.Map("network", ManifestSchema.Network)),
            Topics = PublishBinder.Bind(root.Map("publish", ManifestSchema.Publish)),
            Schedule = on?.String("schedule"),
            Retries = root.Int("retries"),
            Timeout = root.String("timeout"),
            TaskDefOverrides = TaskSettingsBinder.TaskDefOverrides(context, root["taskdef_overrides"], root.PathOf("taskdef_overrides")),
            Source = new ManifestSourceMap(context.File, context.Locations),
        };
    }

    private static void CheckEnvironments(BindContext context, MapReader root)
    {
        var path = root.PathOf(EnvironmentOverrideMerger.EnvironmentsKey);
        foreach (var (name, value) in ValueReader.Entries(context, root[EnvironmentOverrideMerger.EnvironmentsKey], path, "a map of environment names to overrides"))
        {
            if (value is not MappingNode && value is not ScalarNode { IsNull: true })
            {
                context.Error(value, BindContext.Join(path, name), $"expected a map of fields to override in environment \"{name}\", but found {value.Describe()}");
            }
        }
    }
}
