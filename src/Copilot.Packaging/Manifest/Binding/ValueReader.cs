using System.Globalization;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>
/// Reads typed values from nodes the way copilot's decoder accepts them, reporting a located error (and returning
/// null or empty) when the shape is wrong. Absent and null values read as null. Every value read records its location.
/// </summary>
internal static class ValueReader
{
    private static readonly string[] TrueWords = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON"];
    private static readonly string[] FalseWords = ["n", "N", "no", "No", "NO", "off", "Off", "OFF"];

    /// <summary>Any scalar as text (a number or boolean reads as written).</summary>
    public static string? String(BindContext context, ManifestNode? node, string path)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (node is not ScalarNode scalar)
        {
            context.Error(node, path, $"expected a string, but found {node.Describe()}");
            return null;
        }

        context.Record(path, node);
        return scalar.Value;
    }

    public static int? Int(BindContext context, ManifestNode? node, string path) =>
        Integer(context, node, path, int.MinValue, int.MaxValue) is { } value ? (int)value : null;

    /// <summary>An unsigned 32-bit integer (POSIX IDs).</summary>
    public static long? UInt32(BindContext context, ManifestNode? node, string path) =>
        Integer(context, node, path, 0, uint.MaxValue);

    public static bool? Bool(BindContext context, ManifestNode? node, string path)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        context.Record(path, node);
        if (node is ScalarNode scalar)
        {
            if (scalar.Kind == ScalarKind.Bool)
            {
                return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }

            if (scalar.Kind == ScalarKind.String)
            {
                if (TrueWords.Contains(scalar.Value) || (scalar.Interpolated && scalar.Value == "true"))
                {
                    return true;
                }

                if (FalseWords.Contains(scalar.Value) || (scalar.Interpolated && scalar.Value == "false"))
                {
                    return false;
                }
            }
        }

        context.Error(node, path, $"expected true or false, but found {node.Describe()}");
        return null;
    }

    /// <summary>A Go duration such as <c>10s</c> or <c>1m30s</c>, returned as written.</summary>
    public static string? Duration(BindContext context, ManifestNode? node, string path)
    {
        if (node is ScalarNode { Kind: ScalarKind.Int or ScalarKind.Float } number)
        {
            context.Error(node, path, $"expected a duration with a unit such as 10s or 1m30s, but found {number.Describe()}");
            return null;
        }

        var text = String(context, node, path);
        if (text is not null && !GoDuration.TryParse(text, out _, out var error))
        {
            context.Error(node!, path, $"{error}; expected a duration such as 10s or 1m30s");
            return null;
        }

        return text;
    }

    /// <summary>A map of scalars (labels, build args, log destination, depends_on).</summary>
    public static IReadOnlyDictionary<string, string> StringMap(BindContext context, ManifestNode? node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(context, node, path, "a map of strings"))
        {
            var entryPath = BindContext.Join(path, key);
            if (value is ScalarNode { IsNull: true })
            {
                context.Record(entryPath, value);
                result[key] = string.Empty;
            }
            else if (String(context, value, entryPath) is { } text)
            {
                result[key] = text;
            }
        }

        return result;
    }

    /// <summary>A list of scalars; null when absent.</summary>
    public static IReadOnlyList<string>? StringList(BindContext context, ManifestNode? node, string path)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        if (node is not SequenceNode sequence)
        {
            context.Error(node, path, $"expected a list of strings, but found {node.Describe()}");
            return null;
        }

        context.Record(path, node);
        var result = new List<string>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = BindContext.Index(path, i);
            if (item is ScalarNode { IsNull: true })
            {
                context.Record(itemPath, item);
                result.Add(string.Empty);
            }
            else if (String(context, item, itemPath) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>Environment variables: each a scalar (as text) or <c>{from_cfn: export}</c>.</summary>
    public static IReadOnlyDictionary<string, VariableValue> Variables(BindContext context, ManifestNode? node, string path)
    {
        var result = new Dictionary<string, VariableValue>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(context, node, path, "a map of variable names to values"))
        {
            if (Variable(context, value, BindContext.Join(path, key)) is { } variable)
            {
                result[key] = variable;
            }
        }

        return result;
    }

    /// <summary>One variable value: a scalar (as text) or <c>{from_cfn: export}</c>.</summary>
    public static VariableValue? Variable(BindContext context, ManifestNode value, string path)
    {
        context.Record(path, value);
        switch (value)
        {
            case ScalarNode scalar:
                return VariableValue.Plain(scalar.IsNull ? string.Empty : scalar.Value);
            case MappingNode map when map.HasValue("from_cfn"):
                var reader = MapReader.Wrap(context, map, path, ManifestSchema.FromCfn);
                return reader.String("from_cfn") is { } export ? VariableValue.Import(export) : null;
            default:
                context.WrongShape(value, path, "unmarshal \"variables\": cannot unmarshal field to a string or into a map", "a string or a map with from_cfn");
                return null;
        }
    }

    /// <summary>Secrets: each an SSM parameter name or ARN, <c>{secretsmanager: name}</c> or <c>{from_cfn: export}</c>.</summary>
    public static IReadOnlyDictionary<string, SecretValue> Secrets(BindContext context, ManifestNode? node, string path)
    {
        var result = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(context, node, path, "a map of secret names to sources"))
        {
            var entryPath = BindContext.Join(path, key);
            context.Record(entryPath, value);
            switch (value)
            {
                case ScalarNode scalar:
                    result[key] = SecretValue.Plain(scalar.IsNull ? string.Empty : scalar.Value);
                    break;
                case MappingNode map when map.HasValue("secretsmanager") || map.HasValue("from_cfn"):
                    var reader = MapReader.Wrap(context, map, entryPath, ManifestSchema.Secret);
                    if (reader.Has("secretsmanager"))
                    {
                        if (reader.Has("from_cfn"))
                        {
                            context.Warning(map, entryPath, "both \"secretsmanager\" and \"from_cfn\" are set; \"from_cfn\" has no effect");
                        }

                        if (reader.String("secretsmanager") is { } name)
                        {
                            result[key] = SecretValue.FromSecretsManager(name);
                        }
                    }
                    else if (reader.String("from_cfn") is { } export)
                    {
                        result[key] = SecretValue.Import(export);
                    }

                    break;
                default:
                    context.WrongShape(value, entryPath, "cannot marshal \"secret\" field to a string or \"secretsmanager\" object", "a parameter name, or a map with secretsmanager or from_cfn");
                    break;
            }
        }

        return result;
    }

    /// <summary>An entrypoint or command: a string split with shell rules, or a list of strings.</summary>
    public static CommandLine? CommandLine(BindContext context, ManifestNode? node, string path, string field)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return null;
            case ScalarNode scalar:
                context.Record(path, node);
                if (!ShellWords.TrySplit(scalar.Value, out var words, out var error))
                {
                    context.Error(node, path, $"convert \"{field}\" to string slice: convert string into tokens using shell-style rules: {error}");
                    return null;
                }

                return new CommandLine(words, WasString: true);
            case SequenceNode sequence when sequence.Items.All(i => i is ScalarNode):
                return StringList(context, node, path) is { } list ? new CommandLine(list, WasString: false) : null;
            default:
                context.WrongShape(node, path, $"unable to unmarshal \"{field}\" into string or slice of strings", "a command string or a list of strings");
                return null;
        }
    }

    /// <summary>The entries of a free-form map (variables, labels...): keys are not checked.</summary>
    public static IEnumerable<(string Key, ManifestNode Value)> Entries(BindContext context, ManifestNode? node, string path, string expected)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not MappingNode map)
        {
            context.Error(node, path, $"expected {expected}, but found {node.Describe()}");
            return [];
        }

        context.Record(path, node);
        return map.Entries.Select(e => (e.Key.Value, e.Value));
    }

    private static long? Integer(BindContext context, ManifestNode? node, string path, long min, long max)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return null;
        }

        context.Record(path, node);
        var range = string.Create(CultureInfo.InvariantCulture, $"an integer from {min} to {max}");
        if (node is ScalarNode scalar
            && (scalar.Kind == ScalarKind.Int || (scalar.Interpolated && scalar.Kind == ScalarKind.String))
            && ScalarResolver.TryParseInteger(scalar.Value, out var value))
        {
            if (value >= min && value <= max)
            {
                return (long)value;
            }

            context.Error(node, path, $"the integer {ScalarResolver.Format(value)} is out of range; expected {range}");
            return null;
        }

        context.Error(node, path, $"expected {range}, but found {node.Describe()}");
        return null;
    }

    /// <summary>The items of a list with their paths; an error when the node is not a list.</summary>
    public static IEnumerable<(ManifestNode Item, string Path)> Items(BindContext context, ManifestNode? node, string path, string expected)
    {
        if (node is null || node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            context.Error(node, path, $"expected {expected}, but found {node.Describe()}");
            return [];
        }

        context.Record(path, node);
        return sequence.Items.Select((item, i) => (item, BindContext.Index(path, i)));
    }
}
