namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>A YAML mapping with string keys, in written order; keys are unique.</summary>
internal sealed class MappingNode : ManifestNode
{
    private readonly Dictionary<string, int> _index;

    public MappingNode(TextPosition start, string? tag, IReadOnlyList<MappingEntry> entries, bool flow)
        : base(start, tag)
    {
        Entries = entries;
        Flow = flow;
        _index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            _index[entries[i].Key.Value] = i;
        }

        ExpandedSize = 1 + entries.Sum(e => 1 + e.Value.ExpandedSize);
        Height = 1 + (entries.Count == 0 ? 0 : entries.Max(e => e.Value.Height));
    }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; }

    /// <summary>True when written in flow style (<c>{a: b}</c>).</summary>
    public bool Flow { get; }

    /// <inheritdoc />
    public override long ExpandedSize { get; }

    /// <inheritdoc />
    public override int Height { get; }

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public MappingEntry? Find(string key) => _index.TryGetValue(key, out var i) ? Entries[i] : null;

    /// <summary>The value for <paramref name="key"/>, or null when the key is absent.</summary>
    public ManifestNode? Get(string key) => Find(key)?.Value;

    /// <summary>True when the key is present with a value other than null.</summary>
    public bool HasValue(string key) => Get(key) is { } v && !(v is ScalarNode s && s.IsNull);

    /// <summary>A copy with other entries.</summary>
    public MappingNode With(IReadOnlyList<MappingEntry> entries) => new(Start, Tag, entries, Flow);

    /// <inheritdoc />
    public override string Describe() => Tag is null ? "a map" : $"a {Tag} map";
}

/// <summary>One key and value of a mapping.</summary>
/// <param name="Key">The key scalar (with its position).</param>
/// <param name="Value">The value.</param>
internal sealed record MappingEntry(ScalarNode Key, ManifestNode Value);
