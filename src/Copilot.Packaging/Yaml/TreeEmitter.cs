using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Writes a node tree straight to text, byte for byte as YamlDotNet's <c>Emitter</c> does with the settings of
/// <see cref="YamlTextWriter"/> (indent 2, unlimited width, indented sequences, simple keys up to 1,024 characters, no
/// anchors, implicit document). It walks the tree instead of a stream of events, so it knows every collection's size
/// and every key up front and allocates no event per node; the emitter's rules for choosing a scalar's style,
/// indenting, spacing and escaping are kept exactly (the emitter stays the reference: tests compare the two on every
/// template and on generated trees).
/// </summary>
/// <remarks>
/// A tree with something this writer does not cover (an anchor, a tag outside the <c>!</c> and <c>!!</c> handles or
/// with characters the emitter would percent-encode, a root that is an empty scalar) is left to YamlDotNet:
/// <see cref="TryWrite"/> says so by returning false.
/// </remarks>
internal sealed class TreeEmitter
{
    private const int BestIndent = 2;
    private const int MaxSimpleKeyLength = 1024;
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    private readonly StringBuilder output;
    private readonly Stack<int> indents = new();
    private int indent = -1;
    private int flowLevel;
    private int column;
    private bool isWhitespace = true;
    private bool isIndentation = true;

    // The emitter keeps its scalar analysis from one scalar to the next and does not reset "has single quotes" for an
    // empty one; an empty plain scalar's quoting depends on it, so it is carried over here too.
    private bool lastHadSingleQuotes;

    private TreeEmitter(StringBuilder output) => this.output = output;

    /// <summary>Writes <paramref name="root"/> as a document into <paramref name="output"/>, or returns false (writing nothing) when the tree needs YamlDotNet.</summary>
    public static bool TryWrite(YamlNode root, StringBuilder output)
    {
        if (!Covered(root) || root is YamlScalarNode { Value: null or "" })
        {
            return false;
        }

        var emitter = new TreeEmitter(output);
        emitter.Node(root);
        emitter.WriteIndent();
        return true;
    }

    // Anchors and unusual tags are left to YamlDotNet.
    private static bool Covered(YamlNode node)
    {
        if (!node.Anchor.IsEmpty || !CoveredTag(node.Tag))
        {
            return false;
        }

        switch (node)
        {
            case YamlScalarNode:
                return true;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    if (!Covered(child))
                    {
                        return false;
                    }
                }

                return true;
            case YamlMappingNode mapping:
                var entries = mapping.Children;
                for (var i = 0; i < entries.Count; i++)
                {
                    var (key, value) = entries[i];
                    // A collection as a key is left to YamlDotNet (it writes an empty sequence key's ":" before its "[]").
                    if (key is not YamlScalarNode || !Covered(key) || !Covered(value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    // A tag the emitter writes as "!suffix" or "!!suffix" without percent-encoding anything.
    private static bool CoveredTag(TagName tag)
    {
        if (tag.IsEmpty)
        {
            return true;
        }

        if (tag.IsNonSpecific)
        {
            return false;
        }

        var value = tag.Value;
        var start = SuffixStart(value);
        if (start < 0 || start == value.Length)
        {
            return false;
        }

        foreach (var c in value.AsSpan(start))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "_-;?@=$~\\)]/:&+,.*([!".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    // The default tag directives, in the emitter's order: "!" for "!", then "!!" for the YAML namespace. Returns where
    // the suffix starts in the tag (-1 for neither).
    private static int SuffixStart(string tag) =>
        tag.StartsWith('!') ? 1 : tag.StartsWith(YamlTagPrefix, StringComparison.Ordinal) ? YamlTagPrefix.Length : -1;

    private static string Handle(int suffixStart) => suffixStart == 1 ? "!" : "!!";

    // A value or an item (a mapping's keys are written by Mapping itself).
    private void Node(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                Scalar(scalar, AnalysisOf(scalar), isSimpleKey: false);
                break;
            case YamlSequenceNode sequence:
                Sequence(sequence);
                break;
            case YamlMappingNode mapping:
                Mapping(mapping);
                break;
            default:
                throw new InvalidOperationException($"Unknown YAML node type {node.GetType().Name}.");
        }
    }

    private void Tag(TagName tag)
    {
        if (tag.IsEmpty)
        {
            return;
        }

        var value = tag.Value;
        var start = SuffixStart(value);
        if (!isWhitespace)
        {
            Write(' ');
        }

        Write(Handle(start));
        output.Append(value, start, value.Length - start);
        column += value.Length - start;
        isWhitespace = false;
        isIndentation = false;
    }

    private void Sequence(YamlSequenceNode sequence)
    {
        Tag(sequence.Tag);
        var children = sequence.Children;
        if (flowLevel != 0 || YamlTextWriter.EffectiveStyle(sequence) == SequenceStyle.Flow || children.Count == 0)
        {
            WriteIndicator("[", needWhitespace: true, whitespace: true, indentation: false);
            IncreaseIndent(isFlow: true);
            flowLevel++;
            for (var i = 0; i < children.Count; i++)
            {
                if (i > 0)
                {
                    WriteIndicator(",", needWhitespace: false, whitespace: false, indentation: false);
                }

                Node(children[i]);
            }

            flowLevel--;
            indent = indents.Pop();
            WriteIndicator("]", needWhitespace: false, whitespace: false, indentation: false);
            return;
        }

        // Sequences are indented under their key (the emitter's "indent sequences"), so the indentless case never applies.
        IncreaseIndent(isFlow: false);
        foreach (var child in children)
        {
            WriteIndent();
            WriteIndicator("-", needWhitespace: true, whitespace: false, indentation: true);
            Node(child);
        }

        indent = indents.Pop();
    }

    private void Mapping(YamlMappingNode mapping)
    {
        Tag(mapping.Tag);
        var flow = flowLevel != 0 || YamlTextWriter.EffectiveStyle(mapping) == MappingStyle.Flow || mapping.Children.Count == 0;
        if (flow)
        {
            WriteIndicator("{", needWhitespace: true, whitespace: true, indentation: false);
            IncreaseIndent(isFlow: true);
            flowLevel++;
        }
        else
        {
            IncreaseIndent(isFlow: false);
        }

        // By index: enumerating the ordered dictionary through its interface would allocate an enumerator per mapping.
        var entries = mapping.Children;
        var first = true;
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (flow)
            {
                if (!first)
                {
                    WriteIndicator(",", needWhitespace: false, whitespace: false, indentation: false);
                }
            }
            else
            {
                WriteIndent();
            }

            first = false;
            var scalarKey = (YamlScalarNode)key; // collection keys are left to YamlDotNet (Covered)
            var keyAnalysis = AnalysisOf(scalarKey);
            if (IsSimpleKey(scalarKey, keyAnalysis))
            {
                Scalar(scalarKey, keyAnalysis, isSimpleKey: true);
                WriteIndicator(":", needWhitespace: false, whitespace: false, indentation: false);
            }
            else
            {
                WriteIndicator("?", needWhitespace: true, whitespace: false, indentation: !flow);
                Scalar(scalarKey, keyAnalysis, isSimpleKey: false);
                if (!flow)
                {
                    WriteIndent();
                }

                WriteIndicator(":", needWhitespace: true, whitespace: false, indentation: !flow);
            }

            Node(value);
        }

        if (flow)
        {
            flowLevel--;
            indent = indents.Pop();
            WriteIndicator("}", needWhitespace: false, whitespace: false, indentation: false);
        }
        else
        {
            indent = indents.Pop();
        }
    }

    // The emitter's test for a scalar key: on one line, its tag and text within the simple key length.
    private static bool IsSimpleKey(YamlScalarNode key, Analysis analysis)
    {
        var tagLength = 0;
        if (!key.Tag.IsEmpty)
        {
            var start = SuffixStart(key.Tag.Value);
            tagLength = Handle(start).Length + key.Tag.Value.Length - start;
        }

        return !analysis.IsMultiline && tagLength + (key.Value ?? string.Empty).Length <= MaxSimpleKeyLength;
    }

    // What the emitter learns from the scalar's text (an empty null-tagged scalar is its one special case).
    private static Analysis AnalysisOf(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        return value.Length == 0 && !scalar.Tag.IsEmpty && scalar.Tag.Value == YamlTagPrefix + "null"
            ? new Analysis(false, false, true, false, false, false)
            : Analysis.Of(value);
    }

    private void Scalar(YamlScalarNode scalar, Analysis analysis, bool isSimpleKey)
    {
        var value = scalar.Value ?? string.Empty;
        var tagged = !scalar.Tag.IsEmpty;
        if (value.Length > 0)
        {
            lastHadSingleQuotes = analysis.HasSingleQuotes;
        }

        var style = SelectStyle(YamlTextWriter.SafeStyle(value, scalar.Style, !tagged), analysis, value, isSimpleKey);
        Tag(scalar.Tag);
        IncreaseIndent(isFlow: true);
        switch (style)
        {
            case ScalarStyle.Plain:
                WritePlain(value);
                break;
            case ScalarStyle.SingleQuoted:
                WriteSingleQuoted(value);
                break;
            case ScalarStyle.DoubleQuoted:
                WriteDoubleQuoted(value);
                break;
            case ScalarStyle.Literal:
                WriteLiteral(value);
                break;
            case ScalarStyle.Folded:
                WriteFolded(value);
                break;
            default:
                throw new InvalidOperationException($"Unexpected scalar style {style}.");
        }

        indent = indents.Pop();
    }

    private ScalarStyle SelectStyle(ScalarStyle requested, Analysis analysis, string value, bool isSimpleKey)
    {
        var style = requested == ScalarStyle.Any ? (analysis.IsMultiline ? ScalarStyle.Folded : ScalarStyle.Plain) : requested;
        if (isSimpleKey && analysis.IsMultiline)
        {
            style = ScalarStyle.DoubleQuoted;
        }

        if (style == ScalarStyle.Plain)
        {
            if ((flowLevel != 0 && !analysis.FlowPlainAllowed) || (flowLevel == 0 && !analysis.BlockPlainAllowed))
            {
                style = analysis.SingleQuotedAllowed && !lastHadSingleQuotes ? ScalarStyle.SingleQuoted : ScalarStyle.DoubleQuoted;
            }

            if (value.Length == 0 && (flowLevel != 0 || isSimpleKey))
            {
                style = ScalarStyle.SingleQuoted;
            }

            // An untagged scalar is written with both "implicit" flags set, so the emitter's last plain rule
            // (an untagged scalar that is not plain-implicit goes single-quoted) never applies.
        }

        if (style == ScalarStyle.SingleQuoted && !analysis.SingleQuotedAllowed)
        {
            style = ScalarStyle.DoubleQuoted;
        }

        if (style is ScalarStyle.Literal or ScalarStyle.Folded && (!analysis.BlockAllowed || flowLevel != 0 || isSimpleKey))
        {
            style = ScalarStyle.DoubleQuoted;
        }

        return style;
    }

    private void WritePlain(string value)
    {
        if (!isWhitespace)
        {
            Write(' ');
        }

        // Plain is chosen only for text on one line, and the width is unlimited: the text goes out as it is.
        Write(value);
        isWhitespace = false;
        isIndentation = false;
    }

    private void WriteSingleQuoted(string value)
    {
        WriteIndicator("'", needWhitespace: true, whitespace: false, indentation: false);
        var previousBreak = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                // A space leaves "after a break" as it was, as in the emitter.
                Write(c);
            }
            else if (IsBreak(c, out var breakCharacter))
            {
                if (!previousBreak && c == '\n')
                {
                    WriteBreak('\n');
                }

                LineBreak(breakCharacter);
                previousBreak = true;
            }
            else
            {
                if (previousBreak)
                {
                    WriteIndent();
                }

                if (c == '\'')
                {
                    Write(c);
                }

                Write(c);
                isIndentation = false;
                previousBreak = false;
            }
        }

        WriteIndicator("'", needWhitespace: false, whitespace: false, indentation: false);
        isWhitespace = false;
        isIndentation = false;
    }

    private void WriteDoubleQuoted(string value)
    {
        WriteIndicator("\"", needWhitespace: true, whitespace: false, indentation: false);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!IsPrintable(c) || IsBreak(c, out _) || c == '"' || c == '\\')
            {
                Write('\\');
                switch (c)
                {
                    case '\0': Write('0'); break;
                    case '\a': Write('a'); break;
                    case '\b': Write('b'); break;
                    case '\t': Write('t'); break;
                    case '\n': Write('n'); break;
                    case '\v': Write('v'); break;
                    case '\f': Write('f'); break;
                    case '\r': Write('r'); break;
                    case '\x1B': Write('e'); break;
                    case '"': Write('"'); break;
                    case '\\': Write('\\'); break;
                    case '\x85': Write('N'); break;
                    case '\xA0': Write('_'); break;
                    case '\u2028': Write('L'); break;
                    case '\u2029': Write('P'); break;
                    default:
                        if (c <= 0xFF)
                        {
                            Write('x');
                            Write(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                        }
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                            {
                                Write('U');
                                Write(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                                i++;
                            }
                            else
                            {
                                throw new SyntaxErrorException("While writing a quoted scalar, found an orphaned high surrogate.");
                            }
                        }
                        else
                        {
                            Write('u');
                            Write(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }

                        break;
                }
            }
            else
            {
                Write(c);
            }
        }

        WriteIndicator("\"", needWhitespace: false, whitespace: false, indentation: false);
        isWhitespace = false;
        isIndentation = false;
    }

    private void WriteLiteral(string value)
    {
        WriteIndicator("|", needWhitespace: true, whitespace: false, indentation: false);
        WriteBlockScalarHints(value);
        WriteBreak('\n');
        isIndentation = true;
        isWhitespace = true;
        var previousBreak = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                continue;
            }

            if (IsBreak(c, out var breakCharacter))
            {
                LineBreak(breakCharacter);
                previousBreak = true;
            }
            else
            {
                if (previousBreak)
                {
                    WriteIndent();
                }

                Write(c);
                isIndentation = false;
                previousBreak = false;
            }
        }
    }

    private void WriteFolded(string value)
    {
        WriteIndicator(">", needWhitespace: true, whitespace: false, indentation: false);
        WriteBlockScalarHints(value);
        WriteBreak('\n');
        isIndentation = true;
        isWhitespace = true;
        var previousBreak = true;
        var leadingSpaces = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsBreak(c, out var breakCharacter))
            {
                if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                {
                    continue;
                }

                if (!previousBreak && !leadingSpaces && breakCharacter == '\n')
                {
                    var k = 0;
                    while (i + k < value.Length && IsBreak(value[i + k], out _))
                    {
                        k++;
                    }

                    if (i + k < value.Length && !(IsBlank(value[i + k]) || IsBreak(value[i + k], out _)))
                    {
                        WriteBreak('\n');
                    }
                }

                LineBreak(breakCharacter);
                previousBreak = true;
            }
            else
            {
                if (previousBreak)
                {
                    WriteIndent();
                    leadingSpaces = IsBlank(c);
                }

                Write(c);
                isIndentation = false;
                previousBreak = false;
            }
        }
    }

    // "|2" or ">2" when the text starts with a space or a line break; "-" without a final line break, "+" with several.
    private void WriteBlockScalarHints(string value)
    {
        if (value.Length > 0 && (value[0] == ' ' || IsAnyBreak(value[0])))
        {
            WriteIndicator(BestIndent.ToString(CultureInfo.InvariantCulture), needWhitespace: false, whitespace: false, indentation: false);
        }

        if (value.Length == 0 || !IsAnyBreak(value[^1]))
        {
            WriteIndicator("-", needWhitespace: false, whitespace: false, indentation: false);
        }
        else if (value.Length >= 2 && IsAnyBreak(value[^2]))
        {
            WriteIndicator("+", needWhitespace: false, whitespace: false, indentation: false);
        }
    }

    // A line break inside a scalar's text: the next character starts an indented line.
    private void LineBreak(char breakCharacter)
    {
        WriteBreak(breakCharacter);
        isIndentation = true;
    }

    private void IncreaseIndent(bool isFlow)
    {
        indents.Push(indent);
        indent = indent < 0 ? (isFlow ? BestIndent : 0) : indent + BestIndent;
    }

    private void WriteIndicator(string indicator, bool needWhitespace, bool whitespace, bool indentation)
    {
        if (needWhitespace && !isWhitespace)
        {
            Write(' ');
        }

        Write(indicator);
        isWhitespace = whitespace;
        isIndentation &= indentation;
    }

    private void WriteIndent()
    {
        var currentIndent = Math.Max(indent, 0);
        if (!isIndentation || column > currentIndent || (column == currentIndent && !isWhitespace))
        {
            WriteBreak('\n');
        }

        if (column < currentIndent)
        {
            output.Append(' ', currentIndent - column);
            column = currentIndent;
        }

        isWhitespace = true;
        isIndentation = true;
    }

    private void Write(char c)
    {
        output.Append(c);
        column++;
    }

    private void Write(string text)
    {
        output.Append(text);
        column += text.Length;
    }

    private void WriteBreak(char breakCharacter)
    {
        output.Append(breakCharacter);
        column = 0;
    }

    // The emitter's line breaks: CR, LF and NEL are written as LF; LS and PS as themselves.
    private static bool IsBreak(char c, out char breakCharacter)
    {
        switch (c)
        {
            case '\r':
            case '\n':
            case '\x85':
                breakCharacter = '\n';
                return true;
            case '\u2028':
            case '\u2029':
                breakCharacter = c;
                return true;
            default:
                breakCharacter = '\0';
                return false;
        }
    }

    private static bool IsAnyBreak(char c) => c is '\r' or '\n' or '\x85' or '\u2028' or '\u2029';

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private static bool IsPrintable(char c) =>
        c is '\t' or '\n' or '\r' or '\x85'
        || (c >= ' ' && c <= '~')
        || (c >= '\xA0' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');

    /// <summary>What the emitter learns from a scalar's text before choosing its style.</summary>
    private readonly record struct Analysis(
        bool IsMultiline, bool FlowPlainAllowed, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed, bool HasSingleQuotes)
    {
        public static Analysis Of(string value)
        {
            if (value.Length == 0)
            {
                // HasSingleQuotes is not part of an empty scalar's analysis (see lastHadSingleQuotes).
                return new Analysis(false, false, false, true, false, false);
            }

            var flowIndicators = false;
            var blockIndicators = false;
            if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal))
            {
                flowIndicators = true;
                blockIndicators = true;
            }

            var precededByWhitespace = true;
            var followedByWhitespace = IsWhiteBreakOrZero(value, 1);
            bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false, leadingQuote = false;
            bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false, lineOfSpaces = false;
            bool lineBreaks = false, specialCharacters = false, singleQuotes = false, linesOfSpaces = false;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (i == 0)
                {
                    if ("#,[]{}&*!|>\"%@`'".Contains(c, StringComparison.Ordinal))
                    {
                        flowIndicators = true;
                        blockIndicators = true;
                        leadingQuote = c == '\'';
                        singleQuotes |= c == '\'';
                    }

                    if (c is '?' or ':')
                    {
                        flowIndicators = true;
                        blockIndicators |= followedByWhitespace;
                    }

                    if (c == '-' && followedByWhitespace)
                    {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                }
                else
                {
                    if (c is ',' or '?' or '[' or ']' or '{' or '}')
                    {
                        flowIndicators = true;
                    }

                    if (c == ':')
                    {
                        flowIndicators = true;
                        blockIndicators |= followedByWhitespace;
                    }

                    if (c == '#' && precededByWhitespace)
                    {
                        flowIndicators = true;
                        blockIndicators = true;
                    }

                    singleQuotes |= c == '\'';
                }

                specialCharacters |= !IsPrintable(c);
                var isBreak = IsAnyBreak(c);
                lineBreaks |= isBreak;
                if (c == ' ')
                {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == value.Length - 1;
                    if (previousBreak)
                    {
                        breakSpace = true;
                        lineOfSpaces = true;
                    }

                    previousSpace = true;
                    previousBreak = false;
                }
                else if (isBreak)
                {
                    leadingBreak |= i == 0;
                    trailingBreak |= i == value.Length - 1;
                    spaceBreak |= previousSpace;
                    linesOfSpaces |= lineOfSpaces;
                    previousSpace = false;
                    previousBreak = true;
                }
                else
                {
                    previousSpace = false;
                    previousBreak = false;
                    lineOfSpaces = false;
                }

                precededByWhitespace = IsWhiteBreakOrZero(value, i);
                if (i + 1 < value.Length)
                {
                    followedByWhitespace = IsWhiteBreakOrZero(value, i + 2);
                }
            }

            bool flowPlain = true, blockPlain = true, singleQuoted = true, block = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || leadingQuote)
            {
                flowPlain = false;
                blockPlain = false;
            }

            if (trailingSpace)
            {
                block = false;
            }

            if (breakSpace || spaceBreak || specialCharacters)
            {
                flowPlain = false;
                blockPlain = false;
                singleQuoted = false;
            }

            if (linesOfSpaces)
            {
                block = false;
            }

            if (lineBreaks)
            {
                flowPlain = false;
                blockPlain = false;
            }

            if (flowIndicators)
            {
                flowPlain = false;
            }

            if (blockIndicators)
            {
                blockPlain = false;
            }

            return new Analysis(lineBreaks, flowPlain, blockPlain, singleQuoted, block, singleQuotes);
        }

        // Space, tab, a line break, or past the end (the emitter reads a NUL there).
        private static bool IsWhiteBreakOrZero(string value, int index)
        {
            if (index >= value.Length)
            {
                return true;
            }

            var c = value[index];
            return c is ' ' or '\t' or '\0' || IsAnyBreak(c);
        }
    }
}
