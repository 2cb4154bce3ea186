using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Upload;

/// <summary>A deep copy of a YAML node tree (tags, styles and anchors kept), so packaging never edits the caller's template.</summary>
internal static class YamlNodeCopy
{
    /// <summary>Copies <paramref name="node"/> and everything below it; a node reached twice (an alias) is copied once.</summary>
    public static T Of<T>(T node)
        where T : YamlNode => (T)Copy(node, new Dictionary<YamlNode, YamlNode>(ReferenceEqualityComparer.Instance));

    private static YamlNode Copy(YamlNode node, Dictionary<YamlNode, YamlNode> copies)
    {
        if (copies.TryGetValue(node, out var existing))
        {
            return existing;
        }

        YamlNode copy;
        switch (node)
        {
            case YamlScalarNode scalar:
                copy = new YamlScalarNode(scalar.Value) { Tag = scalar.Tag, Style = scalar.Style, Anchor = scalar.Anchor };
                copies[node] = copy;
                break;
            case YamlSequenceNode sequence:
                var list = new YamlSequenceNode { Tag = sequence.Tag, Style = sequence.Style, Anchor = sequence.Anchor };
                copies[node] = list;
                foreach (var child in sequence.Children)
                {
                    list.Add(Copy(child, copies));
                }

                copy = list;
                break;
            case YamlMappingNode mapping:
                var map = new YamlMappingNode { Tag = mapping.Tag, Style = mapping.Style, Anchor = mapping.Anchor };
                copies[node] = map;
                foreach (var (key, value) in mapping.Children)
                {
                    map.Add(Copy(key, copies), Copy(value, copies));
                }

                copy = map;
                break;
            default:
                throw new NotSupportedException($"cannot copy a YAML node of type {node.GetType().Name}");
        }

        return copy;
    }
}
