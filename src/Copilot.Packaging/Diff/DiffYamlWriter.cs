using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Writes values the way copilot's diff shows them (go-yaml's layout): nested mappings and sequences under a key are
/// indented by 4, a mapping inside a sequence item continues 2 columns after the dash, flow collections and scalar
/// quoting and tags are kept as parsed, and multi-line strings become literal blocks.
/// </summary>
internal static class DiffYamlWriter
{
    private const int Indent = 4;

    /// <summary>The lines of a whole document.</summary>
    public static IReadOnlyList<string> Document(YamlNode root) => Lines(root);

    /// <summary>The lines of the one-entry mapping <c>key: value</c>.</summary>
    public static IReadOnlyList<string> Entry(string key, YamlNode value)
    {
        var lines = new List<string>();
        AddEntry(lines, Inline(Cfn.Key(key)), value);
        return lines;
    }

    /// <summary>The lines of the one-item sequence <c>- value</c>.</summary>
    public static IReadOnlyList<string> Item(YamlNode value)
    {
        var lines = new List<string>();
        AddItem(lines, value);
        return lines;
    }

    /// <summary>The value as it follows <c>key: </c>: one line for scalars and flow collections, more for block values.</summary>
    public static IReadOnlyList<string> Value(YamlNode value) => Lines(value);

    /// <summary>A scalar or flow collection on one line (block collections are written in flow style).</summary>
    public static string Inline(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return InlineScalar(scalar);
        }

        if (node is YamlSequenceNode { Children.Count: 0 } || node is YamlMappingNode { Children.Count: 0 })
        {
            var empty = node is YamlSequenceNode ? "[]" : "{}";
            return YamlNodes.HasTag(node) ? $"{node.Tag.Value} {empty}" : empty;
        }

        return YamlTextWriter.Write(ToFlow(node)).TrimEnd('\n');
    }

    private static List<string> Lines(YamlNode node)
    {
        if (IsSingleLine(node))
        {
            return [Inline(node)];
        }

        var lines = new List<string>();
        switch (node)
        {
            case YamlScalarNode scalar:
                lines.Add(BlockScalarHeader(scalar));
                lines.AddRange(BlockScalarLines(scalar, Indent));
                break;
            case YamlMappingNode map:
                AddTagLine(lines, map);
                foreach (var (key, value) in map.Children)
                {
                    AddEntry(lines, Inline(key), value);
                }

                break;
            case YamlSequenceNode seq:
                AddTagLine(lines, seq);
                foreach (var item in seq.Children)
                {
                    AddItem(lines, item);
                }

                break;
        }

        return lines;
    }

    // A tagged block collection at the top of its own block: the tag goes on a line of its own.
    private static void AddTagLine(List<string> lines, YamlNode collection)
    {
        if (YamlNodes.HasTag(collection))
        {
            lines.Add(collection.Tag.Value);
        }
    }

    private static void AddEntry(List<string> lines, string key, YamlNode value)
    {
        if (IsSingleLine(value))
        {
            var text = Inline(value);
            lines.Add(text.Length == 0 ? $"{key}:" : $"{key}: {text}");
            return;
        }

        if (value is YamlScalarNode scalar)
        {
            lines.Add($"{key}: {BlockScalarHeader(scalar)}");
            lines.AddRange(BlockScalarLines(scalar, Indent));
            return;
        }

        lines.Add(YamlNodes.HasTag(value) ? $"{key}: {value.Tag.Value}" : $"{key}:");
        lines.AddRange(ChildLines(value).Select(line => Indented(line, Indent)));
    }

    private static void AddItem(List<string> lines, YamlNode value)
    {
        if (IsSingleLine(value))
        {
            lines.Add($"- {Inline(value)}");
            return;
        }

        if (value is YamlScalarNode scalar)
        {
            lines.Add($"- {BlockScalarHeader(scalar)}");
            lines.AddRange(BlockScalarLines(scalar, Indent));
            return;
        }

        var childLines = ChildLines(value);
        if (YamlNodes.HasTag(value))
        {
            lines.Add($"- {value.Tag.Value}");
            lines.AddRange(childLines.Select(line => Indented(line, 2)));
            return;
        }

        lines.Add($"- {childLines[0]}");
        lines.AddRange(childLines.Skip(1).Select(line => Indented(line, 2)));
    }

    // The lines of a block collection's content, without its tag.
    private static List<string> ChildLines(YamlNode collection) => Lines(YamlNodes.WithoutTag(collection));

    private static string Indented(string line, int by) => line.Length == 0 ? line : new string(' ', by) + line;

    private static bool IsSingleLine(YamlNode node) => node switch
    {
        YamlScalarNode s => !IsMultiLine(s),
        YamlSequenceNode q => q.Children.Count == 0 || (q.Style == SequenceStyle.Flow && IsFlowFriendly(q)),
        YamlMappingNode m => m.Children.Count == 0 || (m.Style == MappingStyle.Flow && IsFlowFriendly(m)),
        _ => true,
    };

    private static bool IsMultiLine(YamlScalarNode scalar) =>
        scalar.Style != ScalarStyle.DoubleQuoted && (scalar.Value ?? string.Empty).Contains('\n', StringComparison.Ordinal);

    private static bool IsFlowFriendly(YamlNode node) => node switch
    {
        YamlScalarNode s => !(s.Value ?? string.Empty).Contains('\n', StringComparison.Ordinal),
        YamlSequenceNode q => q.Children.All(IsFlowFriendly),
        YamlMappingNode m => m.Children.All(p => IsFlowFriendly(p.Key) && IsFlowFriendly(p.Value)),
        _ => false,
    };

    private static YamlNode ToFlow(YamlNode node) => node switch
    {
        YamlScalarNode s when (s.Value ?? string.Empty).Contains('\n', StringComparison.Ordinal) =>
            new YamlScalarNode(s.Value) { Tag = s.Tag, Style = ScalarStyle.DoubleQuoted },
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(ToFlow)) { Tag = q.Tag, Style = SequenceStyle.Flow },
        YamlMappingNode m => FlowMapping(m),
        _ => node,
    };

    private static YamlMappingNode FlowMapping(YamlMappingNode map)
    {
        var flow = new YamlMappingNode { Tag = map.Tag, Style = MappingStyle.Flow };
        foreach (var (key, value) in map.Children)
        {
            flow.Add(ToFlow(key), ToFlow(value));
        }

        return flow;
    }

    private static string InlineScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tagged = YamlNodes.HasTag(scalar);
        var style = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? ScalarStyle.Any : scalar.Style;
        if (text.Length == 0 && style is ScalarStyle.Any or ScalarStyle.Plain)
        {
            if (!tagged)
            {
                return string.Empty;
            }

            style = ScalarStyle.SingleQuoted;
        }

        var written = YamlTextWriter.Write(new YamlScalarNode(text) { Tag = tagged ? scalar.Tag : TagName.Empty, Style = style });
        var lines = written.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line != "...")
            .Select(line => line.StartsWith("--- ", StringComparison.Ordinal) ? line[4..] : line)
            .ToList();
        return string.Join(' ', lines);
    }

    private static string BlockScalarHeader(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var chomping = text.EndsWith("\n\n", StringComparison.Ordinal) || text == "\n" ? "+"
            : text.EndsWith('\n') ? string.Empty
            : "-";
        var indentation = text.StartsWith(' ') || text.StartsWith('\n') ? Indent.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var header = $"|{indentation}{chomping}";
        return YamlNodes.HasTag(scalar) ? $"{scalar.Tag.Value} {header}" : header;
    }

    private static IEnumerable<string> BlockScalarLines(YamlScalarNode scalar, int indent)
    {
        var text = scalar.Value ?? string.Empty;
        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n').Select(line => Indented(line, indent));
    }
}
