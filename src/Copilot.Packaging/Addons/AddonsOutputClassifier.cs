using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// Classifies the merged addons template's outputs by what their <c>Value</c> references: <c>!Ref X</c> or
/// <c>{Ref: X}</c> where <c>X</c> is a resource of the template; any other value is a plain variable.
/// </summary>
internal static class AddonsOutputClassifier
{
    /// <summary>The template's outputs with their kinds, in template order.</summary>
    public static IReadOnlyList<(string Name, AddonsOutputKind Kind)> Classify(YamlMappingNode template)
    {
        var resources = Section(template, "Resources");
        var outputs = Section(template, "Outputs");
        if (outputs is null)
        {
            return [];
        }

        var result = new List<(string, AddonsOutputKind)>();
        foreach (var (key, definition) in outputs.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            var referenced = ReferencedName(Child(definition as YamlMappingNode, "Value"));
            var type = referenced is null ? null : Child(Child(resources, referenced) as YamlMappingNode, "Type") as YamlScalarNode;
            var kind = type?.Value switch
            {
                "AWS::SecretsManager::Secret" => AddonsOutputKind.Secret,
                "AWS::IAM::ManagedPolicy" => AddonsOutputKind.ManagedPolicy,
                "AWS::EC2::SecurityGroup" => AddonsOutputKind.SecurityGroup,
                _ => AddonsOutputKind.Variable,
            };
            result.Add((name, kind));
        }

        return result;
    }

    private static string? ReferencedName(YamlNode? value) => value switch
    {
        YamlScalarNode { Tag.IsEmpty: false } s when s.Tag.Value == "!Ref" => s.Value,
        YamlMappingNode { Children.Count: 1 } m when Child(m, "Ref") is YamlScalarNode { Tag.IsEmpty: true } r => r.Value,
        _ => null,
    };

    private static YamlMappingNode? Section(YamlMappingNode template, string name) => Child(template, name) as YamlMappingNode;

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
