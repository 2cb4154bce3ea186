using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>Small questions about YamlDotNet nodes that the diff asks often.</summary>
internal static class YamlNodes
{
    /// <summary>True when the node carries an explicit tag such as <c>!Ref</c> (the parser's "?" and "!" placeholders are not tags).</summary>
    public static bool HasTag(YamlNode node) => !node.Tag.IsEmpty && !node.Tag.IsNonSpecific;

    /// <summary>True for a scalar or an empty collection: nodes compared by their text.</summary>
    public static bool IsLeafValue(YamlNode node) => node switch
    {
        YamlScalarNode => true,
        YamlSequenceNode seq => seq.Children.Count == 0,
        YamlMappingNode map => map.Children.Count == 0,
        _ => true,
    };

    /// <summary>The same node without its tag (children are shared, not copied).</summary>
    public static YamlNode WithoutTag(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
        YamlSequenceNode q => new YamlSequenceNode(q.Children) { Style = q.Style },
        YamlMappingNode m => new YamlMappingNode(m.Children) { Style = m.Style },
        _ => node,
    };
}
