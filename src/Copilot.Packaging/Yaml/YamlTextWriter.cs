using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Writes a node tree as YAML text: block style with a 2-space indent, block sequences indented under their key,
/// tags and per-scalar quoting preserved, no document markers, LF line ends and exactly one final newline.
/// </summary>
public static class YamlTextWriter
{
    /// <summary>Writes <paramref name="root"/> as a YAML document.</summary>
    /// <param name="root">The document's root node.</param>
    /// <param name="indent">Spaces per level (2 by default).</param>
    /// <returns>The YAML text, ending with one <c>\n</c>.</returns>
    public static string Write(YamlNode root, int indent = 2)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter { NewLine = "\n" };
        var settings = new EmitterSettings(
            bestIndent: indent,
            bestWidth: int.MaxValue,
            isCanonical: false,
            maxSimpleKeyLength: 1024,
            skipAnchorName: false,
            indentSequences: true,
            newLine: "\n");
        IEmitter emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitNode(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.TrimEnd('\n') + "\n";
    }

    private static void EmitNode(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var implicitTag = scalar.Tag.IsEmpty;
                emitter.Emit(new Scalar(
                    AnchorName.Empty,
                    scalar.Tag,
                    scalar.Value ?? string.Empty,
                    scalar.Style,
                    isPlainImplicit: implicitTag,
                    isQuotedImplicit: implicitTag));
                break;
            case YamlSequenceNode sequence:
                var seqStyle = sequence.Style == SequenceStyle.Flow && sequence.Children.All(IsFlowFriendly)
                    ? SequenceStyle.Flow
                    : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.Tag.IsEmpty, seqStyle));
                foreach (var child in sequence.Children)
                {
                    EmitNode(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                var mapStyle = mapping.Style == MappingStyle.Flow && mapping.Children.All(p => IsFlowFriendly(p.Key) && IsFlowFriendly(p.Value))
                    ? MappingStyle.Flow
                    : MappingStyle.Block;
                emitter.Emit(new MappingStart(AnchorName.Empty, mapping.Tag, mapping.Tag.IsEmpty, mapStyle));
                foreach (var (key, value) in mapping.Children)
                {
                    EmitNode(emitter, key);
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"Unknown YAML node type {node.GetType().Name}.");
        }
    }

    // A flow collection may only hold scalars without line breaks and other flow collections.
    private static bool IsFlowFriendly(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Style is not (ScalarStyle.Literal or ScalarStyle.Folded) && !(s.Value ?? string.Empty).Contains('\n', StringComparison.Ordinal),
        YamlSequenceNode q => q.Style == SequenceStyle.Flow && q.Children.All(IsFlowFriendly),
        YamlMappingNode m => m.Style == MappingStyle.Flow && m.Children.All(p => IsFlowFriendly(p.Key) && IsFlowFriendly(p.Value)),
        _ => false,
    };
}
