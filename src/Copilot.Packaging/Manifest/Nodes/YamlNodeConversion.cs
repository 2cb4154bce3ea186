using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>Turns manifest nodes into YamlDotNet nodes (tags and quoting kept), for writing text and for <c>taskdef_overrides</c> values.</summary>
internal static class YamlNodeConversion
{
    /// <summary>The YamlDotNet form of <paramref name="node"/>. Null scalars become <c>null</c> so they read back as null.</summary>
    public static YamlNode ToYaml(ManifestNode node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                if (scalar.Tag is null && scalar.IsNull && scalar.Style == ScalarStyle.Plain)
                {
                    return new YamlScalarNode(scalar.Value.Length == 0 ? "null" : scalar.Value) { Style = ScalarStyle.Plain };
                }

                var yamlScalar = new YamlScalarNode(scalar.Value) { Style = scalar.Style };
                if (scalar.Tag is not null)
                {
                    yamlScalar.Tag = scalar.Tag;
                }

                return yamlScalar;
            case SequenceNode sequence:
                var yamlSequence = new YamlSequenceNode(sequence.Items.Select(ToYaml)) { Style = sequence.Flow ? SequenceStyle.Flow : SequenceStyle.Block };
                if (sequence.Tag is not null)
                {
                    yamlSequence.Tag = sequence.Tag;
                }

                return yamlSequence;
            case MappingNode mapping:
                var yamlMapping = new YamlMappingNode { Style = mapping.Flow ? MappingStyle.Flow : MappingStyle.Block };
                foreach (var entry in mapping.Entries)
                {
                    yamlMapping.Add(ToYaml(entry.Key), ToYaml(entry.Value));
                }

                if (mapping.Tag is not null)
                {
                    yamlMapping.Tag = mapping.Tag;
                }

                return yamlMapping;
            default:
                throw new ArgumentException($"Unknown manifest node type {node.GetType().Name}.", nameof(node));
        }
    }
}
