using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Writes a node tree as YAML text: block style with a 2-space indent, block sequences indented under their key,
/// tags and per-scalar quoting preserved, no document markers, LF line ends and exactly one final newline.
/// </summary>
internal static class YamlTextWriter
{
    // Events are immutable and the emitter only reads them: the ones that carry nothing node-specific are shared
    // (a template has hundreds of collections; each used to allocate its start and end events).
    private static readonly MappingStart BlockMappingStart = new(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block);
    private static readonly SequenceStart BlockSequenceStart = new(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block);
    private static readonly MappingEnd MappingEndEvent = new();
    private static readonly SequenceEnd SequenceEndEvent = new();

    /// <summary>Writes <paramref name="root"/> as a YAML document.</summary>
    /// <param name="root">The document's root node.</param>
    /// <param name="indent">Spaces per level (2 by default).</param>
    /// <returns>The YAML text, ending with one <c>\n</c>.</returns>
    /// <remarks>
    /// With the default indent, <see cref="TreeEmitter"/> writes the text (the same bytes, several times faster: it is
    /// most of a packaging's work); a tree it does not cover, or another indent, goes through YamlDotNet's emitter.
    /// </remarks>
    public static string Write(YamlNode root, int indent = 2)
    {
        ArgumentNullException.ThrowIfNull(root);
        var builder = new System.Text.StringBuilder();
        return Finish(indent == 2 && TreeEmitter.TryWrite(root, builder) ? builder.ToString() : EmitWithYamlDotNet(root, indent));
    }

    /// <summary>As <see cref="Write"/>, always through YamlDotNet's emitter: the reference the tree emitter is tested against.</summary>
    internal static string WriteWithYamlDotNet(YamlNode root, int indent = 2)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Finish(EmitWithYamlDotNet(root, indent));
    }

    private static string EmitWithYamlDotNet(YamlNode root, int indent)
    {
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
        return writer.ToString();
    }

    // LF line ends and exactly one final line break. Usually the text already ends so: then it is returned, not copied.
    private static string Finish(string emitted)
    {
        var text = emitted.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') && !text.EndsWith("\n\n", StringComparison.Ordinal) ? text : text.TrimEnd('\n') + "\n";
    }

    private static void EmitNode(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var implicitTag = scalar.Tag.IsEmpty;
                var text = scalar.Value ?? string.Empty;
                emitter.Emit(new Scalar(
                    AnchorName.Empty,
                    scalar.Tag,
                    text,
                    SafeStyle(text, scalar.Style, implicitTag),
                    isPlainImplicit: implicitTag,
                    isQuotedImplicit: implicitTag));
                break;
            case YamlSequenceNode sequence:
                var seqStyle = EffectiveStyle(sequence);
                emitter.Emit(seqStyle == SequenceStyle.Block && sequence.Tag.IsEmpty
                    ? BlockSequenceStart
                    : new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.Tag.IsEmpty, seqStyle));
                foreach (var child in sequence.Children)
                {
                    EmitNode(emitter, child);
                }

                emitter.Emit(SequenceEndEvent);
                break;
            case YamlMappingNode mapping:
                var mapStyle = EffectiveStyle(mapping);
                emitter.Emit(mapStyle == MappingStyle.Block && mapping.Tag.IsEmpty
                    ? BlockMappingStart
                    : new MappingStart(AnchorName.Empty, mapping.Tag, mapping.Tag.IsEmpty, mapStyle));
                foreach (var (key, value) in mapping.Children)
                {
                    EmitNode(emitter, key);
                    EmitNode(emitter, value);
                }

                emitter.Emit(MappingEndEvent);
                break;
            default:
                throw new InvalidOperationException($"Unknown YAML node type {node.GetType().Name}.");
        }
    }

    /// <summary>
    /// The style that makes <paramref name="value"/> read back exactly in YAML 1.1 (PyYAML, cfn-lint) and YAML 1.2
    /// (YamlDotNet): the node's own style unless that would change the value. Line breaks other than LF (CR, NEL,
    /// LS, PS), control characters and blanks beside a line break in a flow scalar survive only escaped, so they force
    /// double quotes; a plain <c>=</c> or
    /// <c>&lt;&lt;</c> is YAML 1.1's value or merge key, so it is single-quoted. Everything else keeps its style
    /// (YamlDotNet already quotes a plain scalar it cannot write plain), so existing output is unchanged.
    /// </summary>
    internal static ScalarStyle SafeStyle(string value, ScalarStyle style, bool untagged)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || (char.IsControl(c) && c is not '\n' and not '\t'))
            {
                return ScalarStyle.DoubleQuoted;
            }
        }

        if (style is ScalarStyle.Literal or ScalarStyle.Folded && !BlockSafe(value))
        {
            return ScalarStyle.DoubleQuoted;
        }

        // A flow scalar (plain, single- or double-quoted) folds its line breaks and drops the blanks around them; only
        // escapes keep a tab or space next to a break ("\t\n" single-quoted read back as "\n").
        if (style is not (ScalarStyle.Literal or ScalarStyle.Folded) && HasBlankBesideBreak(value))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (untagged && style is ScalarStyle.Plain or ScalarStyle.Any && value is "=" or "<<")
        {
            return ScalarStyle.SingleQuoted;
        }

        return style;
    }

    private static bool HasBlankBesideBreak(string value)
    {
        for (var i = value.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = value.IndexOf('\n', i + 1))
        {
            if ((i > 0 && value[i - 1] is ' ' or '\t') || (i + 1 < value.Length && value[i + 1] is ' ' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    // A block scalar keeps a value exactly when it has content, starts with neither a blank nor a break (no
    // indentation indicator needed), ends without blanks or several breaks (clip and strip chomping lose those).
    private static bool BlockSafe(string value)
    {
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value) || char.IsWhiteSpace(value[0]) || value.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        var content = value.EndsWith('\n') ? value[..^1] : value;
        return content.Length > 0 && !char.IsWhiteSpace(content[^1]);
    }

    /// <summary>Flow when the sequence asks for it and can hold it (see <see cref="IsFlowFriendly"/>), else block.</summary>
    internal static SequenceStyle EffectiveStyle(YamlSequenceNode sequence) =>
        sequence.Style == SequenceStyle.Flow && sequence.Children.All(IsFlowFriendly) ? SequenceStyle.Flow : SequenceStyle.Block;

    /// <summary>Flow when the mapping asks for it and can hold it, else block.</summary>
    internal static MappingStyle EffectiveStyle(YamlMappingNode mapping) =>
        mapping.Style == MappingStyle.Flow && mapping.Children.All(p => IsFlowFriendly(p.Key) && IsFlowFriendly(p.Value)) ? MappingStyle.Flow : MappingStyle.Block;

    // A flow collection may only hold scalars without line breaks and other flow collections.
    private static bool IsFlowFriendly(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Style is not (ScalarStyle.Literal or ScalarStyle.Folded) && !(s.Value ?? string.Empty).Contains('\n', StringComparison.Ordinal),
        YamlSequenceNode q => q.Style == SequenceStyle.Flow && q.Children.All(IsFlowFriendly),
        YamlMappingNode m => m.Style == MappingStyle.Flow && m.Children.All(p => IsFlowFriendly(p.Key) && IsFlowFriendly(p.Value)),
        _ => false,
    };
}
