using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.TemplatePatches;

/// <summary>Parses <c>cfn.patches.yml</c>: a YAML list of <c>{op, path, value}</c> maps.</summary>
internal static class YamlPatchDocument
{
    /// <summary>The operations copilot supports.</summary>
    public static readonly IReadOnlyList<string> Operations = ["add", "remove", "replace"];

    /// <summary>Parses the patch list; an empty file is an empty list.</summary>
    /// <exception cref="CopilotJobException">The text is not valid YAML, does not follow the schema, or names an unsupported operation.</exception>
    public static IReadOnlyList<YamlPatch> Parse(string text, string displayPath)
    {
        var root = BoundedYamlLoader.LoadFirstDocument(text, displayPath);
        if (root is null)
        {
            return [];
        }

        if (root is not YamlSequenceNode list)
        {
            throw SchemaError(displayPath, root, "the file must be a list of patches, each with op, path and value");
        }

        var patches = new List<YamlPatch>();
        for (var index = 0; index < list.Children.Count; index++)
        {
            var item = list.Children[index] as YamlMappingNode
                ?? throw SchemaError(displayPath, list.Children[index], $"the patch at index {index} must be a map with op, path and value");
            var op = Field(item, "op");
            var path = Field(item, "path");
            var value = Field(item, "value");

            var operation = op switch
            {
                null => string.Empty,
                YamlScalarNode s when !BoundedYamlLoader.IsNull(s) => s.Value ?? string.Empty,
                YamlScalarNode => string.Empty,
                _ => throw SchemaError(displayPath, op, $"op of the patch at index {index} must be a string"),
            };
            if (!Operations.Contains(operation, StringComparer.Ordinal))
            {
                throw new CopilotJobException(
                    $"unsupported operation \"{operation}\": supported operations are \"add\", \"remove\", and \"replace\".",
                    BoundedYamlLoader.At(displayPath, (op ?? item).Start));
            }

            if (path is not YamlScalarNode { Value: { } pathText })
            {
                throw SchemaError(displayPath, path ?? item, $"the patch at index {index} needs a path (a JSON pointer such as /Resources/TaskDefinition)");
            }

            var pointer = JsonPointer.TryParse(pathText)
                ?? throw SchemaError(displayPath, path, $"path \"{pathText}\" of the patch at index {index} must be empty or start with \"/\"");
            patches.Add(new YamlPatch(index, operation, pointer, value, BoundedYamlLoader.At(displayPath, path.Start)));
        }

        return patches;
    }

    private static YamlNode? Field(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private static CopilotJobException SchemaError(string displayPath, YamlNode at, string detail) =>
        new($"file at \"{displayPath}\" does not conform to the YAML patch document schema: {detail}", BoundedYamlLoader.At(displayPath, at.Start));
}
