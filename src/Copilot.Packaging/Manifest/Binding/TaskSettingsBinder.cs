using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds task-level either/or fields: <c>platform</c>, <c>count</c>, <c>exec</c>, and <c>taskdef_overrides</c>.</summary>
internal static class TaskSettingsBinder
{
    public static PlatformConfig? Platform(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode:
                return new PlatformConfig { Text = ValueReader.String(context, node, path) };
            case MappingNode map when map.HasValue("osfamily") || map.HasValue("architecture"):
                var platform = MapReader.Wrap(context, map, path, ManifestSchema.Platform);
                return new PlatformConfig { OsFamily = platform.String("osfamily"), Architecture = platform.String("architecture") };
            default:
                context.WrongShape(node, path, "unable to unmarshal platform field into string or compose-style map", "os/arch (for example linux/arm64) or a map with osfamily and architecture");
                return null;
        }
    }

    /// <summary><c>count</c>: an integer, or an autoscaling map (which jobs do not allow; validation reports it).</summary>
    public static (int? Count, bool HasAutoscaling) Count(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return (null, false);
            case ScalarNode:
                return (ValueReader.Int(context, node, path), false);
            case MappingNode map when ManifestSchema.Count.Keys.Any(map.HasValue):
                MapReader.Wrap(context, map, path, ManifestSchema.Count);
                return (null, true);
            default:
                context.WrongShape(node, path, "unable to unmarshal \"count\" field to an integer or autoscaling configuration", "an integer");
                return (null, false);
        }
    }

    /// <summary><c>exec</c>: a boolean or <c>{enable}</c>; accepted, with no effect for jobs (a note says so when it is enabled).</summary>
    public static void Exec(BindContext context, ManifestNode? node, string path)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return;
            case ScalarNode { Kind: ScalarKind.Bool or ScalarKind.String }:
                NoteWhenEnabled(context, node, path, ValueReader.Bool(context, node, path));
                return;
            case MappingNode map when map.HasValue("enable"):
                NoteWhenEnabled(context, map, path, MapReader.Wrap(context, map, path, ManifestSchema.Exec).Bool("enable"));
                return;
            default:
                context.WrongShape(node, path, "unable to unmarshal \"exec\" field into boolean or exec configuration", "true, false, or a map with enable");
                return;
        }
    }

    // copilot accepts exec for jobs, but a job's tasks are started without ECS Exec: say so rather than stay silent.
    private static void NoteWhenEnabled(BindContext context, ManifestNode node, string path, bool? enabled)
    {
        if (enabled == true)
        {
            context.Note(node, path, "enabling it has no effect on Scheduled Jobs: copilot accepts the key, but a job's tasks run without ECS Exec");
        }
    }

    public static IReadOnlyList<TaskDefOverride> TaskDefOverrides(BindContext context, ManifestNode? node, string path)
    {
        var rules = new List<TaskDefOverride>();
        foreach (var (item, itemPath) in ValueReader.Items(context, node, path, "a list of {path, value} rules"))
        {
            if (MapReader.Open(context, item, itemPath, ManifestSchema.TaskDefOverride) is not { } rule)
            {
                continue;
            }

            var value = rule["value"];
            if (value is not null)
            {
                context.Record(rule.PathOf("value"), value);
            }

            rules.Add(new TaskDefOverride(rule.String("path"), value is null ? null : YamlNodeConversion.ToYaml(value)));
        }

        return rules;
    }
}
