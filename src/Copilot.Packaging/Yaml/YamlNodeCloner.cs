using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Deep-copies YamlDotNet node trees with tags, styles and values kept, so a tree built from user input (a manifest,
/// a patch file, an addons template) never shares nodes with the template it is copied into or is edited in place.
/// </summary>
internal static class YamlNodeCloner
{
    /// <summary>
    /// A deep copy of <paramref name="node"/> as a plain tree: anchors are dropped and a node reached twice (an alias
    /// the loader already expanded) is copied once per reference.
    /// </summary>
    public static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Tag = scalar.Tag, Style = scalar.Style },
        YamlSequenceNode sequence => CloneSequence(sequence),
        YamlMappingNode mapping => CloneMapping(mapping),
        _ => throw new InvalidOperationException($"Unknown YAML node type {node.GetType().Name}."),
    };

    /// <summary>
    /// A deep copy of <paramref name="node"/> that keeps anchors and sharing: a node reached twice (an alias) is
    /// copied once and the copy is shared the same way.
    /// </summary>
    public static T CloneKeepingAliases<T>(T node)
        where T : YamlNode => (T)CloneKeepingAliases(node, new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance));

    private static YamlSequenceNode CloneSequence(YamlSequenceNode sequence)
    {
        var copy = new YamlSequenceNode { Tag = sequence.Tag, Style = sequence.Style };
        foreach (var child in sequence.Children)
        {
            copy.Add(Clone(child));
        }

        return copy;
    }

    private static YamlMappingNode CloneMapping(YamlMappingNode mapping)
    {
        var copy = new YamlMappingNode { Tag = mapping.Tag, Style = mapping.Style };
        foreach (var (key, value) in mapping.Children)
        {
            copy.Add(Clone(key), Clone(value));
        }

        return copy;
    }

    private static YamlNode CloneKeepingAliases(YamlNode node, Dictionary<YamlNode, YamlNode> copies)
    {
        if (copies.TryGetValue(node, out var existing))
        {
            return existing;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                var text = new YamlScalarNode(scalar.Value) { Tag = scalar.Tag, Style = scalar.Style, Anchor = scalar.Anchor };
                copies[node] = text;
                return text;
            case YamlSequenceNode sequence:
                var list = new YamlSequenceNode { Tag = sequence.Tag, Style = sequence.Style, Anchor = sequence.Anchor };
                copies[node] = list;
                foreach (var child in sequence.Children)
                {
                    list.Add(CloneKeepingAliases(child, copies));
                }

                return list;
            case YamlMappingNode mapping:
                var map = new YamlMappingNode { Tag = mapping.Tag, Style = mapping.Style, Anchor = mapping.Anchor };
                copies[node] = map;
                foreach (var (key, value) in mapping.Children)
                {
                    map.Add(CloneKeepingAliases(key, copies), CloneKeepingAliases(value, copies));
                }

                return map;
            default:
                throw new NotSupportedException($"cannot copy a YAML node of type {node.GetType().Name}");
        }
    }
}
