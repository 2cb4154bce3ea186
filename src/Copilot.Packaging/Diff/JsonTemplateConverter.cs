using System.Text.Json;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Turns a JSON template into YAML nodes with System.Text.Json, which reads the tabs and escapes (<c>\/</c>, <c>\u00e9</c>)
/// of JSON that YAML parsers reject. Numbers, booleans and null become plain scalars with their JSON text; strings
/// become scalars quoted where YAML would misread them, and literal blocks when they span several lines.
/// </summary>
internal static class JsonTemplateConverter
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = BoundedYamlLoader.MaxDepth,
    };

    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="CopilotJobException">An object has the same key twice.</exception>
    public static YamlNode Convert(string json, string sourceName)
    {
        using var document = JsonDocument.Parse(json, Options);
        return ToNode(document.RootElement, sourceName, string.Empty);
    }

    private static YamlNode ToNode(JsonElement element, string sourceName, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new YamlMappingNode();
                foreach (var property in element.EnumerateObject())
                {
                    var key = Cfn.Key(property.Name);
                    var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (map.Children.ContainsKey(key))
                    {
                        throw new CopilotJobException(
                            $"{sourceName} has the key \"{childPath}\" twice; every key of a JSON object must be unique.");
                    }

                    map.Add(key, ToNode(property.Value, sourceName, childPath));
                }

                return map;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select((item, index) => ToNode(item, sourceName, $"{path}[{index}]"));
                return new YamlSequenceNode(items);
            case JsonValueKind.String:
                return StringNode(element.GetString() ?? string.Empty);
            default:
                // Numbers keep their JSON spelling so that 80 and "80" compare by text, as copilot does.
                return Cfn.Plain(element.GetRawText());
        }
    }

    private static YamlScalarNode StringNode(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            var printable = value.All(c => c is '\n' or '\t' || !char.IsControl(c));
            return new YamlScalarNode(value) { Style = printable ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted };
        }

        return Cfn.Str(value);
    }
}
