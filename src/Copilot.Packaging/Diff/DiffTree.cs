namespace Copilot.Packaging.Diff;

/// <summary>
/// The differences between a deployed and a proposed template, as built by <see cref="TemplateDiffer"/> and printed by
/// <see cref="DiffTextWriter"/>. An empty tree means the templates are the same.
/// </summary>
internal sealed class DiffTree
{
    internal DiffTree(KeyDiffNode? root)
    {
        Root = root;
    }

    /// <summary>A tree with no differences.</summary>
    public static DiffTree Empty { get; } = new(null);

    /// <summary>
    /// The document node (its key is empty), or null when nothing differs. A leaf root means the whole document was
    /// added (nothing deployed), removed, or replaced by a value of another kind; otherwise its children are the
    /// changed top-level keys in byte order.
    /// </summary>
    public KeyDiffNode? Root { get; }

    /// <summary>True when the templates differ.</summary>
    public bool HasChanges => Root is not null;
}
