using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.EnvironmentOverrides;

/// <summary>
/// Applies <c>environments.&lt;env&gt;</c> over the rest of the manifest with copilot's rules: a scalar or list in the
/// override replaces the base (an explicit null does not); maps merge key by key (an empty map changes nothing); a value of
/// another shape (string vs map, bool vs map) replaces the base whole; <c>variables.X</c> and <c>secrets.X</c> are replaced
/// whole; and within <c>image</c> (also a sidecar's) and <c>efs</c>, setting one form clears the other
/// (<c>build</c> vs <c>location</c>; <c>uid/gid</c> vs <c>id/root_dir/auth</c>). Every node keeps the position where it was
/// written, so an overridden value points at the override.
/// </summary>
internal static class EnvironmentOverrideMerger
{
    /// <summary>The top-level key holding the per-environment overrides.</summary>
    public const string EnvironmentsKey = "environments";

    private static readonly string[] BuildGroup = ["build"];
    private static readonly string[] LocationGroup = ["location"];
    private static readonly string[] ManagedEfsGroup = ["uid", "gid"];
    private static readonly string[] ExistingEfsGroup = ["id", "root_dir", "auth"];

    /// <summary>The override blocks by environment name, in written order (only those written as maps).</summary>
    public static IReadOnlyList<MappingEntry> OverrideBlocks(MappingNode document) =>
        document.Get(EnvironmentsKey) is MappingNode environments
            ? environments.Entries.Where(e => e.Value is MappingNode).ToList()
            : [];

    /// <summary>The document without its <c>environments</c> block.</summary>
    public static MappingNode WithoutEnvironments(MappingNode document) =>
        document.Find(EnvironmentsKey) is null
            ? document
            : document.With(document.Entries.Where(e => e.Key.Value != EnvironmentsKey).ToList());

    /// <summary>The document with <paramref name="envName"/>'s overrides applied and the <c>environments</c> block removed.</summary>
    /// <exception cref="CopilotJobException">
    /// The override sets both <c>image.build</c> and <c>image.location</c> (binding the block on its own reports this first).
    /// </exception>
    public static MappingNode Apply(MappingNode document, string envName, string file)
    {
        var baseDocument = WithoutEnvironments(document);
        if (document.Get(EnvironmentsKey) is not MappingNode environments || environments.Get(envName) is not MappingNode block)
        {
            return baseDocument;
        }

        if (block.Get("image") is MappingNode image && image.HasValue("build") && image.HasValue("location"))
        {
            throw new CopilotJobException(
                "invalid manifest: image.build is mutually exclusive with image.location and shouldn't be specified at the same time",
                new SourceLocation(file, image.Start.Line, image.Start.Column),
                $"Keep only one of \"build\" and \"location\" under environments.{envName}.image.");
        }

        return (MappingNode)Merge(baseDocument, block, []);
    }

    private static ManifestNode Merge(ManifestNode baseNode, ManifestNode overrideNode, IReadOnlyList<string> path)
    {
        if (overrideNode is ScalarNode { IsNull: true })
        {
            return baseNode;
        }

        if (baseNode is not MappingNode baseMap || overrideNode is not MappingNode overrideMap || ReplacedWhole(path))
        {
            return overrideNode;
        }

        if (overrideMap.Entries.Count == 0)
        {
            return baseNode;
        }

        var entries = baseMap.Entries.ToList();
        foreach (var (set, cleared) in ExclusiveGroups(path))
        {
            if (set.Any(overrideMap.HasValue))
            {
                entries.RemoveAll(e => cleared.Contains(e.Key.Value));
            }
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            positions[entries[i].Key.Value] = i;
        }

        foreach (var entry in overrideMap.Entries)
        {
            if (!positions.TryGetValue(entry.Key.Value, out var index))
            {
                if (!(entry.Value is ScalarNode { IsNull: true }))
                {
                    entries.Add(entry);
                }

                continue;
            }

            var merged = Merge(entries[index].Value, entry.Value, [.. path, entry.Key.Value]);
            entries[index] = ReferenceEquals(merged, entries[index].Value) ? entries[index] : entry with { Value = merged };
        }

        return baseMap.With(entries);
    }

    // variables.X, secrets.X (also a sidecar's or logging's), logging.secretOptions.X and efs.id are either/or values
    // replaced whole.
    private static bool ReplacedWhole(IReadOnlyList<string> path) => path switch
    {
        ["variables" or "secrets", _] => true,
        ["sidecars", _, "variables" or "secrets", _] => true,
        ["logging", "variables" or "secrets" or "secretOptions", _] => true,
        ["storage", "volumes", _, "efs", "id"] => true,
        _ => false,
    };

    private static IEnumerable<(string[] Set, string[] Cleared)> ExclusiveGroups(IReadOnlyList<string> path) => path switch
    {
        ["image"] or ["sidecars", _, "image"] => [(BuildGroup, LocationGroup), (LocationGroup, BuildGroup)],
        ["storage", "volumes", _, "efs"] => [(ManagedEfsGroup, ExistingEfsGroup), (ExistingEfsGroup, ManagedEfsGroup)],
        _ => [],
    };
}
