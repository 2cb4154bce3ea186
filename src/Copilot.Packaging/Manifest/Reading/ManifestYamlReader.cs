using System.Globalization;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Copilot.Packaging.Manifest.Reading;

/// <summary>
/// Reads manifest text into a <see cref="ManifestNode"/> tree from YamlDotNet's event stream, without recursion.
/// Anchors, aliases and <c>&lt;&lt;</c> merge keys are supported; nesting deeper than
/// <see cref="ManifestReadLimits.MaxDepth"/> or more than <see cref="ManifestReadLimits.MaxNodes"/> nodes after alias
/// expansion stop the read at once, so alias bombs cost no more than the limit. Duplicate keys and non-scalar keys are errors.
/// </summary>
internal sealed class ManifestYamlReader
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    private readonly string _file;
    private readonly IParser _parser;
    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _frames = new();
    private long _nodeCount;

    private ManifestYamlReader(string text, string file)
    {
        _file = file;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>Reads the first document of <paramref name="text"/>.</summary>
    /// <exception cref="CopilotJobException">The text is not YAML, or breaks a limit.</exception>
    public static ManifestDocument Read(string text, string file)
    {
        ManifestTextCheck.CheckText(text, file);
        return new ManifestYamlReader(text, file).ReadDocument();
    }

    private ManifestDocument ReadDocument()
    {
        var warnings = new List<Diagnostic>();
        ManifestNode? root = null;
        var documents = 0;
        while (Next() is { } e)
        {
            switch (e)
            {
                case DocumentStart start when documents > 0:
                    warnings.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        "the manifest holds more than one YAML document; only the first one is read",
                        Locate(start.Start)));
                    return new ManifestDocument(root, warnings);
                case DocumentStart:
                    documents++;
                    root = ReadNode();
                    break;
            }
        }

        return new ManifestDocument(root, warnings);
    }

    // Reads one complete node starting with the next event.
    private ManifestNode ReadNode()
    {
        while (true)
        {
            var e = Next() ?? throw Error("the YAML document ended unexpectedly", new Mark());
            ManifestNode? completed = null;
            switch (e)
            {
                case Scalar scalar:
                    completed = Remember(scalar, new ScalarNode(Position(scalar.Start), TagOf(scalar.Tag), scalar.Value, scalar.Style));
                    Count(1, scalar.Start);
                    break;
                case AnchorAlias alias:
                    completed = ResolveAlias(alias);
                    break;
                case SequenceStart sequence:
                    Push(new Frame(false, sequence, sequence.Style == SequenceStyle.Flow));
                    break;
                case MappingStart mapping:
                    Push(new Frame(true, mapping, mapping.Style == MappingStyle.Flow));
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = _frames.Pop();
                    completed = Remember(frame.Start, frame.IsMapping ? BuildMapping(frame) : BuildSequence(frame));
                    break;
                case DocumentEnd:
                    throw Error("the YAML document ended unexpectedly", e.Start);
                default:
                    continue;
            }

            if (completed is null)
            {
                continue;
            }

            if (_frames.Count == 0)
            {
                return completed;
            }

            _frames.Peek().Add(completed, this);
        }
    }

    private ManifestNode ResolveAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var node))
        {
            throw Error($"the alias *{alias.Value.Value} refers to no anchor defined before it", alias.Start);
        }

        if (_frames.Count + node.Height > ManifestReadLimits.MaxDepth)
        {
            throw DepthError(alias.Start);
        }

        Count(node.ExpandedSize, alias.Start);
        return node;
    }

    private void Push(Frame frame)
    {
        if (_frames.Count + 1 > ManifestReadLimits.MaxDepth)
        {
            throw DepthError(frame.Start.Start);
        }

        Count(1, frame.Start.Start);
        _frames.Push(frame);
    }

    private ManifestNode Remember(NodeEvent start, ManifestNode node)
    {
        if (!start.Anchor.IsEmpty)
        {
            _anchors[start.Anchor.Value] = node;
        }

        return node;
    }

    private SequenceNode BuildSequence(Frame frame) =>
        new(Position(frame.Start.Start), TagOf(frame.Start.Tag), frame.Items, frame.Flow);

    private MappingNode BuildMapping(Frame frame)
    {
        var position = Position(frame.Start.Start);
        var tag = TagOf(frame.Start.Tag);
        if (!frame.HasMergeKey)
        {
            return new MappingNode(position, tag, frame.Entries, frame.Flow);
        }

        var explicitKeys = frame.Entries.Where(e => !IsMergeKey(e.Key)).Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MappingEntry>();
        foreach (var entry in frame.Entries)
        {
            if (!IsMergeKey(entry.Key))
            {
                added.Add(entry.Key.Value);
                result.Add(entry);
                continue;
            }

            IReadOnlyList<ManifestNode> sources = entry.Value switch
            {
                MappingNode m => [m],
                SequenceNode s when s.Items.All(i => i is MappingNode) => s.Items,
                _ => throw Error("the value of a merge key (<<) must be a map or a list of maps", entry.Value.Start),
            };
            foreach (var source in sources.Cast<MappingNode>())
            {
                foreach (var merged in source.Entries)
                {
                    if (!explicitKeys.Contains(merged.Key.Value) && added.Add(merged.Key.Value))
                    {
                        Count(1 + merged.Value.ExpandedSize, frame.Start.Start);
                        result.Add(merged);
                    }
                }
            }
        }

        return new MappingNode(position, tag, result, frame.Flow);
    }

    private static bool IsMergeKey(ScalarNode key) =>
        key.Value == "<<" && ((key.Tag is null && key.Style == ScalarStyle.Plain) || key.Tag == MergeTag);

    private Mark _lastGood = Mark.Empty;

    private void Count(long nodes, Mark at)
    {
        _nodeCount += nodes;
        if (_nodeCount > ManifestReadLimits.MaxNodes)
        {
            throw Error(
                string.Create(CultureInfo.InvariantCulture, $"the manifest expands to more than {ManifestReadLimits.MaxNodes} YAML nodes (aliases count as full copies); this looks like an alias bomb"),
                at);
        }
    }

    private ParsingEvent? Next()
    {
        try
        {
            var next = _parser.MoveNext() ? _parser.Current : null;
            _lastGood = next?.End ?? _lastGood;
            return next;
        }
        catch (YamlException ex)
        {
            throw new CopilotJobException($"the manifest is not valid YAML: {ex.Message}", Locate(ex.Start), innerException: ex);
        }
        catch (Exception ex) when (ex is not (CopilotJobException or OutOfMemoryException))
        {
            // The parser gave up without a position of its own: point after the last piece of YAML it could read.
            throw new CopilotJobException(
                "the manifest is not valid YAML after this point (check the indentation and any unclosed [ or {)",
                Locate(_lastGood),
                innerException: ex);
        }
    }

    private CopilotJobException DepthError(Mark at) => Error(
        string.Create(CultureInfo.InvariantCulture, $"the manifest nests maps and lists more than {ManifestReadLimits.MaxDepth} levels deep"),
        at);

    private CopilotJobException Error(string message, Mark at) => new(message, Locate(at));

    private CopilotJobException Error(string message, TextPosition at) => new(message, new SourceLocation(_file, at.Line, at.Column));

    private SourceLocation Locate(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static TextPosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    private sealed class Frame(bool isMapping, NodeEvent start, bool flow)
    {
        private readonly Dictionary<string, ScalarNode> _keys = new(StringComparer.Ordinal);
        private ScalarNode? _pendingKey;

        public bool IsMapping { get; } = isMapping;

        public NodeEvent Start { get; } = start;

        public bool Flow { get; } = flow;

        public List<ManifestNode> Items { get; } = [];

        public List<MappingEntry> Entries { get; } = [];

        public bool HasMergeKey { get; private set; }

        public void Add(ManifestNode node, ManifestYamlReader reader)
        {
            if (!IsMapping)
            {
                Items.Add(node);
                return;
            }

            if (_pendingKey is null)
            {
                if (node is not ScalarNode key)
                {
                    throw reader.Error($"a map key must be a string, but {node.Describe()} was found", node.Start);
                }

                if (IsMergeKey(key))
                {
                    HasMergeKey = true;
                }
                else if (!_keys.TryAdd(key.Value, key))
                {
                    var first = _keys[key.Value];
                    throw reader.Error(
                        string.Create(CultureInfo.InvariantCulture, $"the key \"{key.Value}\" is already defined at line {first.Start.Line}"),
                        key.Start);
                }

                _pendingKey = key;
                return;
            }

            Entries.Add(new MappingEntry(_pendingKey, node));
            _pendingKey = null;
        }
    }
}
