using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// One difference in a <see cref="DiffTree"/>. A node either has <see cref="Children"/> (something changed below it)
/// or is a leaf holding the values on each side: only <see cref="NewValue"/> means added, only
/// <see cref="OldValue"/> means removed, both mean modified.
/// </summary>
internal abstract class DiffNode
{
    private protected DiffNode(YamlNode? oldValue, YamlNode? newValue, IReadOnlyList<DiffNode> children)
    {
        OldValue = oldValue;
        NewValue = newValue;
        Children = children;
    }

    /// <summary>The deployed value, for a leaf; null when the value was added or when the node has children.</summary>
    public YamlNode? OldValue { get; }

    /// <summary>The proposed value, for a leaf; null when the value was removed or when the node has children.</summary>
    public YamlNode? NewValue { get; }

    /// <summary>The changes below this node, in output order; empty for a leaf.</summary>
    public IReadOnlyList<DiffNode> Children { get; }

    /// <summary>True when this node holds values rather than children.</summary>
    public bool IsLeaf => Children.Count == 0;
}
