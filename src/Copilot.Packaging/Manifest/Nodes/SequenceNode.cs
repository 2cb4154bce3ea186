namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>A YAML sequence (list).</summary>
internal sealed class SequenceNode : ManifestNode
{
    public SequenceNode(TextPosition start, string? tag, IReadOnlyList<ManifestNode> items, bool flow)
        : base(start, tag)
    {
        Items = items;
        Flow = flow;
        ExpandedSize = 1 + items.Sum(i => i.ExpandedSize);
        Height = 1 + (items.Count == 0 ? 0 : items.Max(i => i.Height));
    }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<ManifestNode> Items { get; }

    /// <summary>True when written in flow style (<c>[a, b]</c>).</summary>
    public bool Flow { get; }

    /// <inheritdoc />
    public override long ExpandedSize { get; }

    /// <inheritdoc />
    public override int Height { get; }

    /// <inheritdoc />
    public override string Describe() => Tag is null ? "a list" : $"a {Tag} list";
}
