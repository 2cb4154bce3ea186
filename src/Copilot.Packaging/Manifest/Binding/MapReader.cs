using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>
/// Reads the fields of one map at a known place: each read records its location, and keys the place does not know are
/// reported as warnings with a "did you mean" hint.
/// </summary>
internal sealed class MapReader
{
    private MapReader(BindContext context, MappingNode node, string path)
    {
        Context = context;
        Node = node;
        Path = path;
    }

    public BindContext Context { get; }

    public MappingNode Node { get; }

    public string Path { get; }

    /// <summary>
    /// A reader for <paramref name="node"/> when it is a map; null (and an error unless it is null) otherwise.
    /// Records the map's location and warns about unknown keys.
    /// </summary>
    public static MapReader? Open(BindContext context, ManifestNode? node, string path, ManifestPlace place)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (node is not MappingNode map)
        {
            context.Error(node, path, $"expected a map with the keys {string.Join(", ", place.Keys)}, but found {node.Describe()}");
            return null;
        }

        return Wrap(context, map, path, place);
    }

    /// <summary>A reader for a map already known to be one.</summary>
    public static MapReader Wrap(BindContext context, MappingNode map, string path, ManifestPlace place)
    {
        if (path.Length > 0)
        {
            context.Record(path, map);
        }

        foreach (var entry in map.Entries)
        {
            if (!place.Keys.Contains(entry.Key.Value, StringComparer.Ordinal) && context.AllowUnknownKeyWarning())
            {
                context.Warning(entry.Key, BindContext.Join(path, entry.Key.Value), UnknownKeyMessage(entry.Key.Value, place));
            }
        }

        return new MapReader(context, map, path);
    }

    public ManifestNode? this[string key] => Node.Get(key);

    public bool Has(string key) => Node.HasValue(key);

    public string PathOf(string key) => BindContext.Join(Path, key);

    public string? String(string key) => ValueReader.String(Context, this[key], PathOf(key));

    public int? Int(string key) => ValueReader.Int(Context, this[key], PathOf(key));

    public bool? Bool(string key) => ValueReader.Bool(Context, this[key], PathOf(key));

    public IReadOnlyDictionary<string, string> StringMap(string key) => ValueReader.StringMap(Context, this[key], PathOf(key));

    public IReadOnlyList<string>? StringList(string key) => ValueReader.StringList(Context, this[key], PathOf(key));

    public IReadOnlyDictionary<string, VariableValue> Variables(string key) => ValueReader.Variables(Context, this[key], PathOf(key));

    public IReadOnlyDictionary<string, SecretValue> Secrets(string key) => ValueReader.Secrets(Context, this[key], PathOf(key));

    public CommandLine? CommandLine(string key) => ValueReader.CommandLine(Context, this[key], PathOf(key), key);

    public MapReader? Map(string key, ManifestPlace place) => Open(Context, this[key], PathOf(key), place);

    private static string UnknownKeyMessage(string key, ManifestPlace place)
    {
        // Worded to be true both as a warning and as a --strict error: no "it is ignored".
        var message = $"unknown key \"{key}\" in {place.Where} has no effect";
        if (KeySuggester.Closest(key, place) is { } closest)
        {
            return $"{message}; did you mean \"{closest}\"?";
        }

        var elsewhere = KeySuggester.PlacesOf(key, place);
        return elsewhere.Count > 0
            ? $"{message}; \"{key}\" is valid under {string.Join(" or ", elsewhere.Take(3))}, did you put it at the wrong level?"
            : $"{message}; valid keys here are {string.Join(", ", place.Keys)}";
    }
}
