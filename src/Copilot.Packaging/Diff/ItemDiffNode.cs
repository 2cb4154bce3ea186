using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>A sequence item that was added, removed or modified (matched items are counted by <see cref="UnchangedItemsDiffNode"/>).</summary>
internal sealed class ItemDiffNode : DiffNode
{
    private ItemDiffNode(YamlNode? oldValue, YamlNode? newValue, IReadOnlyList<DiffNode> children)
        : base(oldValue, newValue, children)
    {
    }

    internal static ItemDiffNode Leaf(YamlNode? oldValue, YamlNode? newValue) => new(oldValue, newValue, []);

    internal static ItemDiffNode From(DiffNode node) => new(node.OldValue, node.NewValue, node.Children);
}
