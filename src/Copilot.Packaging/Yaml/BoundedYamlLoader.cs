using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Loads user-supplied YAML files (addons templates, patch files) into node trees with tags and start marks kept,
/// refusing input that would exhaust memory or stack: files over <see cref="MaxFileBytes"/>, nesting deeper than
/// <see cref="MaxDepth"/>, and documents whose aliases expand to more than <see cref="MaxExpandedNodes"/> nodes
/// (the "billion laughs" alias bomb). Every failure is a located <see cref="CopilotJobException"/>.
/// </summary>
internal static class BoundedYamlLoader
{
    /// <summary>The largest file read (CloudFormation itself accepts at most 1 MB of template).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The deepest nesting of collections accepted, counting alias expansion.</summary>
    public const int MaxDepth = 200;

    /// <summary>The most nodes a document may hold once every alias is expanded.</summary>
    public const long MaxExpandedNodes = 1_000_000;

    /// <summary>Reads a file's text through <see cref="InputFiles"/> (regular files only, at most <see cref="MaxFileBytes"/>, capped while reading).</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="displayPath">The path shown in messages.</param>
    /// <exception cref="CopilotJobException">The file cannot be read or is too large.</exception>
    public static string ReadText(IFileSystem fileSystem, string path, string displayPath) =>
        InputFiles.ReadText(fileSystem, path, displayPath, MaxFileBytes);

    /// <summary>Parses the first YAML document of <paramref name="text"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="displayPath">The path shown in messages.</param>
    /// <returns>The first document's root node, or null when the text holds no document or only a null value.</returns>
    /// <exception cref="CopilotJobException">The text is not valid YAML or exceeds a limit.</exception>
    public static YamlNode? LoadFirstDocument(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new LimitingParser(new Parser(new StringReader(text)), displayPath));
        }
        catch (CopilotJobException)
        {
            throw;
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException is { } inner && inner is not YamlException ? $"{ex.Message}: {inner.Message}" : ex.Message;
            throw new CopilotJobException($"\"{displayPath}\" is not valid YAML: {reason}", At(displayPath, ex.Start), innerException: ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new CopilotJobException($"\"{displayPath}\" is not valid YAML: {ex.Message}", new SourceLocation(displayPath, 1, 1), innerException: ex);
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var root = stream.Documents[0].RootNode;
        return IsNull(root) ? null : root;
    }

    /// <summary>
    /// Wraps <paramref name="parser"/> so that loading from it enforces <see cref="MaxDepth"/> and
    /// <see cref="MaxExpandedNodes"/> (for YAML read from elsewhere than a file: AWS answers).
    /// </summary>
    /// <param name="parser">The parser to read events from.</param>
    /// <param name="displayPath">What the text is, for messages and locations (for example <c>the deployed template of stack x</c>).</param>
    public static IParser Limit(IParser parser, string displayPath) => new LimitingParser(parser, displayPath);

    /// <summary>True for an untagged plain scalar that YAML reads as null (empty, <c>~</c>, <c>null</c>).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Tag.IsEmpty: true, Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>The location of a YamlDotNet mark in a file.</summary>
    public static SourceLocation At(string displayPath, Mark mark) =>
        new(displayPath, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    /// <summary>
    /// Passes parser events through to the loader while measuring nesting depth and the size each anchored node would
    /// have once expanded, so limits are enforced before the loader recurses or anything is expanded.
    /// </summary>
    private sealed class LimitingParser(IParser inner, string displayPath) : IParser
    {
        private readonly Stack<OpenCollection> _open = new();
        private readonly Dictionary<string, AnchoredNode> _anchors = new(StringComparer.Ordinal);
        private long _expandedNodes;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case DocumentStart:
                    _anchors.Clear();
                    _open.Clear();
                    _expandedNodes = 0;
                    break;
                case Scalar scalar:
                    Count(1, 0, scalar.Start);
                    Remember(scalar.Anchor, 1, 0);
                    break;
                case SequenceStart sequence:
                    Open(sequence.Anchor, sequence.Start);
                    break;
                case MappingStart mapping:
                    Open(mapping.Anchor, mapping.Start);
                    break;
                case SequenceEnd or MappingEnd:
                    Close();
                    break;
                case AnchorAlias alias:
                    if (_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        Count(target.Size, target.Depth, alias.Start);
                    }

                    break;
            }

            return true;
        }

        private void Open(AnchorName anchor, Mark start)
        {
            if (_open.Count + 1 > MaxDepth)
            {
                throw new CopilotJobException($"\"{displayPath}\" nests collections more than {MaxDepth} levels deep", At(displayPath, start));
            }

            _open.Push(new OpenCollection(anchor, start));
        }

        private void Close()
        {
            if (_open.Count == 0)
            {
                return;
            }

            var closed = _open.Pop();
            Count(1, 0, closed.Start, countsTowardsParent: false);
            var size = closed.Size + 1;
            var depth = closed.Depth + 1;
            if (_open.TryPeek(out var parent))
            {
                parent.Size += size;
                parent.Depth = Math.Max(parent.Depth, depth);
            }

            Remember(closed.Anchor, size, depth);
        }

        private void Count(long size, int depth, Mark at, bool countsTowardsParent = true)
        {
            _expandedNodes += size;
            if (_expandedNodes > MaxExpandedNodes)
            {
                throw new CopilotJobException(
                    $"\"{displayPath}\" expands to more than {MaxExpandedNodes} YAML nodes once its aliases are resolved",
                    At(displayPath, at),
                    "Use fewer aliases (*name) or copy the repeated content.");
            }

            if (depth + _open.Count > MaxDepth)
            {
                throw new CopilotJobException($"\"{displayPath}\" nests collections more than {MaxDepth} levels deep once its aliases are resolved", At(displayPath, at));
            }

            if (countsTowardsParent && _open.TryPeek(out var parent))
            {
                parent.Size += size;
                parent.Depth = Math.Max(parent.Depth, depth);
            }
        }

        private void Remember(AnchorName anchor, long size, int depth)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = new AnchoredNode(size, depth);
            }
        }

        private sealed class OpenCollection(AnchorName anchor, Mark start)
        {
            public AnchorName Anchor { get; } = anchor;

            public Mark Start { get; } = start;

            public long Size { get; set; }

            public int Depth { get; set; }
        }

        private readonly record struct AnchoredNode(long Size, int Depth);
    }
}
