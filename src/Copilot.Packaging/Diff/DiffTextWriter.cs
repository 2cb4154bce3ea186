using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Writes a <see cref="DiffTree"/> as text in copilot's <c>--diff</c> format.
/// </summary>
/// <remarks>
/// <para>Each line is indentation, a prefix and content: <c>~ </c> modified, <c>+ </c> added, <c>- </c> removed.</para>
/// <list type="bullet">
/// <item>A key with changes below it is written <c>~ Key:</c> and its changes 4 columns further in. Keys with exactly
/// one changed child key are joined with <c>/</c>: <c>~ Resources/StateMachine/Properties:</c>.</item>
/// <item>A changed value is <c>~ Key: old -> new</c>, both sides written as YAML (tags kept: <c>!Ref Port -> 80</c>).</item>
/// <item>An added or removed entry is written as the YAML of <c>Key: value</c> (nested levels 4 columns in), every
/// line prefixed <c>+ </c> or <c>- </c>; a value that changed kind is a removal followed by an addition.</item>
/// <item>In a sequence, runs of matched items are <c>(N unchanged items)</c>, a changed scalar item is
/// <c>~ - old -> new</c>, added and removed items are <c>+ - value</c> and <c>- - value</c>, and a changed
/// collection item is <c>~ - (changed item)</c> followed by its changes 2 columns further in.</item>
/// <item>Beyond copilot: when a string spanning several lines changed (a state machine's <c>DefinitionString</c>, a
/// literal block), the value is diffed line by line: <c>~ Key:</c>, then lines 4 columns in, each starting with
/// <c>- </c> (removed), <c>+ </c> (added) or two spaces (unchanged context), and <c>(N unchanged lines)</c> for
/// the lines left out. In a sequence the header is <c>~ - (changed text)</c> and the lines are 2 columns in.</item>
/// <item>When the whole document was added or removed, every line of its YAML is prefixed <c>+ </c> / <c>- </c>.</item>
/// </list>
/// <para>An empty tree writes nothing. Every written line ends with <c>\n</c>.</para>
/// </remarks>
internal static class DiffTextWriter
{
    private const int KeyIndent = 4;
    private const int ItemIndent = 2;

    /// <summary>Writes the template differences.</summary>
    /// <param name="tree">The differences.</param>
    /// <param name="options">Colour and context settings; plain text when null.</param>
    /// <returns>The diff text; empty when the tree has no changes.</returns>
    public static string Write(DiffTree tree, DiffWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        options ??= DiffWriteOptions.Plain;
        var lines = new DiffLines(options.Color);
        new Writer(lines, options).WriteTree(tree);
        return lines.ToString();
    }

    /// <summary>Writes the parameter-value and tag differences (see <see cref="ParameterDiff"/> for the format).</summary>
    /// <param name="diff">The differences.</param>
    /// <param name="options">Colour settings; plain text when null.</param>
    /// <returns>The text; empty when nothing is to be reported.</returns>
    public static string Write(ParameterDiff diff, DiffWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        options ??= DiffWriteOptions.Plain;
        var lines = new DiffLines(options.Color);
        ParameterDiffText.Write(diff, lines);
        return lines.ToString();
    }

    private sealed class Writer(DiffLines lines, DiffWriteOptions options)
    {
        public void WriteTree(DiffTree tree)
        {
            var root = tree.Root;
            if (root is null)
            {
                return;
            }

            if (root.IsLeaf)
            {
                if (root.OldValue is not null)
                {
                    lines.AddBlock(0, "- ", DiffYamlWriter.Document(root.OldValue), LineStyle.Removed);
                }

                if (root.NewValue is not null)
                {
                    lines.AddBlock(0, "+ ", DiffYamlWriter.Document(root.NewValue), LineStyle.Added);
                }

                return;
            }

            foreach (var child in root.Children)
            {
                WriteNode(child, 0);
            }
        }

        private void WriteNode(DiffNode node, int indent)
        {
            switch (node)
            {
                case UnchangedItemsDiffNode unchanged:
                    lines.Add(indent, Plural(unchanged.Count, "unchanged item"), LineStyle.Faint);
                    break;
                case ItemDiffNode item when item.IsLeaf:
                    WriteItemLeaf(item, indent);
                    break;
                case ItemDiffNode item:
                    lines.AddParts(indent, ("~ ", LineStyle.Plain), ("- (changed item)", LineStyle.Faint));
                    WriteChildren(item, indent + ItemIndent);
                    break;
                case KeyDiffNode key when key.IsLeaf:
                    WriteKeyLeaf(key, indent);
                    break;
                case KeyDiffNode key:
                    var (path, deepest) = Collapse(key);
                    lines.Add(indent, $"~ {path}:");
                    WriteChildren(deepest, indent + KeyIndent);
                    break;
            }
        }

        private void WriteChildren(DiffNode node, int indent)
        {
            foreach (var child in node.Children)
            {
                WriteNode(child, indent);
            }
        }

        // Joins a chain of keys that each have exactly one changed child key: Resources/Service/Properties.
        private static (string Path, DiffNode Deepest) Collapse(KeyDiffNode node)
        {
            var path = node.Key;
            DiffNode current = node;
            while (current.Children is [KeyDiffNode { IsLeaf: false } only])
            {
                path += "/" + only.Key;
                current = only;
            }

            return (path, current);
        }

        private void WriteKeyLeaf(KeyDiffNode node, int indent)
        {
            var (oldValue, newValue) = (node.OldValue, node.NewValue);
            if (oldValue is not null && newValue is not null && oldValue.NodeType == newValue.NodeType)
            {
                if (IsLineDiffCandidate(oldValue, newValue))
                {
                    lines.Add(indent, $"~ {node.Key}:", LineStyle.Modified);
                    WriteLineDiff((YamlScalarNode)oldValue, (YamlScalarNode)newValue, indent + KeyIndent);
                    return;
                }

                WriteModification($"{node.Key}: ", oldValue, newValue, indent);
                return;
            }

            if (oldValue is not null)
            {
                lines.AddBlock(indent, "- ", DiffYamlWriter.Entry(node.Key, oldValue), LineStyle.Removed);
            }

            if (newValue is not null)
            {
                lines.AddBlock(indent, "+ ", DiffYamlWriter.Entry(node.Key, newValue), LineStyle.Added);
            }
        }

        private void WriteItemLeaf(ItemDiffNode node, int indent)
        {
            var (oldValue, newValue) = (node.OldValue, node.NewValue);
            if (oldValue is not null && newValue is not null && oldValue.NodeType == newValue.NodeType)
            {
                if (IsLineDiffCandidate(oldValue, newValue))
                {
                    lines.AddParts(indent, ("~ ", LineStyle.Plain), ("- (changed text)", LineStyle.Faint));
                    WriteLineDiff((YamlScalarNode)oldValue, (YamlScalarNode)newValue, indent + ItemIndent);
                    return;
                }

                WriteModification("- ", oldValue, newValue, indent);
                return;
            }

            if (oldValue is not null)
            {
                lines.AddBlock(indent, "- ", DiffYamlWriter.Item(oldValue), LineStyle.Removed);
            }

            if (newValue is not null)
            {
                lines.AddBlock(indent, "+ ", DiffYamlWriter.Item(newValue), LineStyle.Added);
            }
        }

        // "<lead>old -> new"; a value written on several lines gets the prefix on each of them.
        private void WriteModification(string lead, YamlNode oldValue, YamlNode newValue, int indent)
        {
            var text = $"{lead}{string.Join('\n', DiffYamlWriter.Value(oldValue))} -> {string.Join('\n', DiffYamlWriter.Value(newValue))}";
            lines.AddBlock(indent, "~ ", text.Split('\n'), LineStyle.Modified);
        }

        // Two strings of which at least one spans several lines, and whose lines differ (not only a final line break).
        private static bool IsLineDiffCandidate(YamlNode oldValue, YamlNode newValue)
        {
            if (oldValue is not YamlScalarNode { Value: { } oldText } || newValue is not YamlScalarNode { Value: { } newText })
            {
                return false;
            }

            var oldLines = TextLineDiff.SplitLines(oldText);
            var newLines = TextLineDiff.SplitLines(newText);
            return (oldLines.Length > 1 || newLines.Length > 1) && !oldLines.SequenceEqual(newLines, StringComparer.Ordinal);
        }

        private void WriteLineDiff(YamlScalarNode oldValue, YamlScalarNode newValue, int indent)
        {
            foreach (var line in TextLineDiff.Compare(oldValue.Value ?? string.Empty, newValue.Value ?? string.Empty, options.ContextLines))
            {
                switch (line.Kind)
                {
                    case TextLineDiff.LineKind.Skipped:
                        lines.Add(indent, Plural(line.SkippedCount, "unchanged line"), LineStyle.Faint);
                        break;
                    case TextLineDiff.LineKind.Removed:
                        lines.AddBlock(indent, "- ", [line.Text], LineStyle.Removed);
                        break;
                    case TextLineDiff.LineKind.Added:
                        lines.AddBlock(indent, "+ ", [line.Text], LineStyle.Added);
                        break;
                    default:
                        lines.AddBlock(indent, "  ", [line.Text], LineStyle.Plain);
                        break;
                }
            }
        }

        private static string Plural(int count, string noun) =>
            string.Create(CultureInfo.InvariantCulture, $"({count} {noun}{(count == 1 ? string.Empty : "s")})");
    }
}
