using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Manifest;

/// <summary>
/// Where each manifest field was written. Field paths join map keys with <c>.</c> and list indexes with
/// <c>[i]</c> (for example <c>sidecars.nginx.mount_points[0].path</c>); a path not written in the file resolves to its
/// nearest written ancestor, and finally to the file itself (line 1, column 1).
/// </summary>
internal sealed class ManifestSourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations;

    /// <summary>A map for a manifest whose locations are unknown.</summary>
    public static readonly ManifestSourceMap Empty = new("manifest.yml", new Dictionary<string, SourceLocation>());

    /// <summary>Creates a map.</summary>
    /// <param name="file">The manifest path as shown to the user (for example <c>copilot/job/manifest.yml</c>).</param>
    /// <param name="locations">Field path to the location of its value.</param>
    public ManifestSourceMap(string file, IReadOnlyDictionary<string, SourceLocation> locations)
    {
        File = file;
        _locations = new Dictionary<string, SourceLocation>(locations, StringComparer.Ordinal);
    }

    /// <summary>The manifest path as shown to the user.</summary>
    public string File { get; }

    /// <summary>True when the field was written in the file (after the environment override).</summary>
    public bool Contains(string fieldPath) => _locations.ContainsKey(fieldPath);

    /// <summary>The location of <paramref name="fieldPath"/>, or of its nearest written ancestor.</summary>
    public SourceLocation Locate(string fieldPath)
    {
        var path = fieldPath;
        while (true)
        {
            if (_locations.TryGetValue(path, out var location))
            {
                return location;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return new SourceLocation(File, 1, 1);
            }

            path = path[..cut];
        }
    }
}
