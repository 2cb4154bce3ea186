using System.Text.Json;
using System.Text.RegularExpressions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Nodes;
using YamlDotNet.Core;

namespace Copilot.Packaging.Manifest.Interpolation;

/// <summary>
/// Substitutes <c>${NAME}</c> in a manifest tree the way copilot does: only string scalars that are the document,
/// a map value or a list item (never keys, never tagged or non-string scalars); <c>\${NAME}</c> keeps the text literally;
/// <c>COPILOT_APPLICATION_NAME</c> and <c>COPILOT_ENVIRONMENT_NAME</c> are predefined and may not be redefined by the
/// process environment; an undefined variable is an error. A non-literal-block string that then reads as a non-empty
/// JSON array of strings becomes a list.
/// </summary>
internal sealed partial class ManifestInterpolator
{
    /// <summary>The predefined variable holding the application name.</summary>
    public const string ApplicationNameVariable = "COPILOT_APPLICATION_NAME";

    /// <summary>The predefined variable holding the environment name.</summary>
    public const string EnvironmentNameVariable = "COPILOT_ENVIRONMENT_NAME";

    private readonly string _appName;
    private readonly string _envName;
    private readonly IEnvironmentVariables _variables;
    private readonly string _file;
    private readonly List<Diagnostic> _errors = [];
    private long _expandedChars;
    private bool _overLimit;

    /// <summary>The most characters the interpolated values of one manifest may hold in all (a deployable template is at most 1 MB).</summary>
    internal const long MaxExpandedChars = 2 * 1024 * 1024;

    public ManifestInterpolator(string appName, string envName, IEnvironmentVariables variables, string file)
    {
        _appName = appName;
        _envName = envName;
        _variables = variables;
        _file = file;
    }

    /// <summary>Interpolates <paramref name="root"/>; every undefined or conflicting variable is reported together.</summary>
    /// <exception cref="CopilotJobException">A variable is undefined, or a predefined one is overridden.</exception>
    public ManifestNode Apply(ManifestNode root)
    {
        var result = Visit(root, string.Empty);
        if (_errors.Count > 0)
        {
            throw new CopilotJobException(_errors);
        }

        return result;
    }

    private ManifestNode Visit(ManifestNode node, string path)
    {
        switch (node)
        {
            case ScalarNode scalar when scalar.Kind == ScalarKind.String:
                return InterpolateScalar(scalar, path);
            case SequenceNode sequence:
                var items = new List<ManifestNode>(sequence.Items.Count);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    items.Add(Visit(sequence.Items[i], $"{path}[{i}]"));
                }

                return new SequenceNode(sequence.Start, sequence.Tag, items, sequence.Flow);
            case MappingNode mapping:
                return mapping.With(mapping.Entries
                    .Select(e => e with { Value = Visit(e.Value, path.Length == 0 ? e.Key.Value : $"{path}.{e.Key.Value}") })
                    .ToList());
            default:
                return node;
        }
    }

    private ManifestNode InterpolateScalar(ScalarNode scalar, string path)
    {
        var text = Substitute(scalar, path);
        if (scalar.Style != ScalarStyle.Literal && ReadStringArray(text) is { Count: > 0 } words)
        {
            var items = words.Select(w => new ScalarNode(scalar.Start, null, w, PlainOrQuoted(w), interpolated: true)).ToList<ManifestNode>();
            return new SequenceNode(scalar.Start, null, items, flow: false);
        }

        if (text == scalar.Value)
        {
            return scalar;
        }

        // A plain scalar whose new text would read as another type (for example "512") stays a string, as in copilot.
        var style = scalar.Style == ScalarStyle.Plain ? PlainOrQuoted(text) : scalar.Style;
        return new ScalarNode(scalar.Start, scalar.Tag, text, style, interpolated: true);
    }

    private static ScalarStyle PlainOrQuoted(string text) =>
        ScalarResolver.ReadsAsStringWhenPlain(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;

    private string Substitute(ScalarNode scalar, string path)
    {
        var matches = VariablePattern().Matches(scalar.Value);
        if (matches.Count == 0)
        {
            return scalar.Value;
        }

        var replaced = scalar.Value;
        foreach (Match match in matches)
        {
            var whole = match.Value;
            if (whole[0] == '\\')
            {
                replaced = replaced.Replace(whole, whole[1..], StringComparison.Ordinal);
                continue;
            }

            var value = Lookup(match.Groups["name"].Value, scalar, path);
            if (value is not null)
            {
                // Measure before replacing: 2,000 references to a 100 KB variable would make a 200 MB string.
                var occurrences = CountOf(replaced, whole);
                var projected = replaced.Length + (occurrences * (long)(value.Length - whole.Length));
                if (_expandedChars + projected > MaxExpandedChars)
                {
                    if (!_overLimit)
                    {
                        _overLimit = true;
                        Report(
                            $"interpolating ${{{match.Groups["name"].Value}}} would make the manifest's values longer than {MaxExpandedChars} characters; a deployable template is at most 1 MB",
                            scalar,
                            path);
                    }

                    return scalar.Value;
                }

                replaced = replaced.Replace(whole, value, StringComparison.Ordinal);
            }
        }

        _expandedChars += replaced.Length;
        return replaced;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private string? Lookup(string name, ScalarNode scalar, string path)
    {
        var fromProcess = _variables.Get(name);
        string? predefined = name switch
        {
            ApplicationNameVariable => _appName,
            EnvironmentNameVariable => _envName,
            _ => null,
        };
        if (predefined is not null)
        {
            if (fromProcess is not null && fromProcess != predefined)
            {
                Report($"predefined environment variable \"{name}\" cannot be overridden by OS environment variable with the same name", scalar, path);
                return null;
            }

            return predefined;
        }

        if (fromProcess is null)
        {
            Report($"environment variable \"{name}\" is not defined", scalar, path);
        }

        return fromProcess;
    }

    private void Report(string message, ScalarNode scalar, string path)
    {
        var diagnostic = new Diagnostic(
            DiagnosticSeverity.Error,
            message,
            new SourceLocation(_file, scalar.Start.Line, scalar.Start.Column),
            path.Length == 0 ? null : path);
        if (!_errors.Contains(diagnostic))
        {
            _errors.Add(diagnostic);
        }
    }

    // Go's json.Unmarshal into []string: a JSON array whose items are strings (null items read as empty strings).
    private static List<string>? ReadStringArray(string text)
    {
        var trimmed = text.AsSpan().Trim(" \t\r\n");
        if (trimmed.Length < 2 || trimmed[0] != '[')
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var words = new List<string>();
            foreach (var item in json.RootElement.EnumerateArray())
            {
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        words.Add(item.GetString() ?? string.Empty);
                        break;
                    case JsonValueKind.Null:
                        words.Add(string.Empty);
                        break;
                    default:
                        return null;
                }
            }

            return words;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\\?\$\{(?<name>[_a-zA-Z][_a-zA-Z0-9]*)\}")]
    private static partial Regex VariablePattern();
}
