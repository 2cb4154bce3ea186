namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>
/// One node of a manifest's YAML tree, with the position where it was written. Nodes are immutable, so an alias may
/// share its anchor's node; <see cref="ExpandedSize"/> counts the tree as if every alias were copied.
/// </summary>
internal abstract class ManifestNode(TextPosition start, string? tag)
{
    /// <summary>Where the node starts (its tag or anchor, if any, else its first character).</summary>
    public TextPosition Start { get; } = start;

    /// <summary>The explicit tag in full form (for example <c>!Ref</c> or <c>tag:yaml.org,2002:str</c>); null when none.</summary>
    public string? Tag { get; } = tag;

    /// <summary>The number of nodes in this subtree with aliases expanded.</summary>
    public abstract long ExpandedSize { get; }

    /// <summary>The number of nesting levels in this subtree (a scalar has height 1).</summary>
    public abstract int Height { get; }

    /// <summary>How the node reads in a message, for example <c>a map</c> or <c>the string "x"</c>.</summary>
    public abstract string Describe();
}
