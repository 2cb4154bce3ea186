using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Deep-copies YamlDotNet node trees with tags, styles and values kept, so a tree built from user input (a manifest,
/// a patch file, an addons template) never shares nodes with the template it is copied into. Aliases are expected to
/// have been expanded by the loader already; each shared node is copied once per reference.
/// </summary>
internal static class YamlNodeCloner
{
    /// <summary>A deep copy of <paramref name="node"/>.</summary>
    public static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Tag = scalar.Tag, Style = scalar.Style },
        YamlSequenceNode sequence => CloneSequence(sequence),
        YamlMappingNode mapping => CloneMapping(mapping),
        _ => throw new InvalidOperationException($"Unknown YAML node type {node.GetType().Name}."),
    };

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
}
