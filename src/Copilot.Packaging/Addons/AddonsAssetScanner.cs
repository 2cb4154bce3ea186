using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// Finds the local files an addons template refers to in the properties that <c>aws cloudformation package</c>
/// (and copilot) upload, without touching the file system or S3.
/// </summary>
internal static class AddonsAssetScanner
{
    private static readonly IReadOnlyList<Rule> Rules =
    [
        new("AWS::ApiGateway::RestApi", "BodyS3Location", AddonsAssetReplacement.BucketKeyMap, false),
        new("AWS::Lambda::Function", "Code", AddonsAssetReplacement.S3BucketS3KeyMap, true),
        new("AWS::Lambda::LayerVersion", "Content", AddonsAssetReplacement.S3BucketS3KeyMap, true),
        new("AWS::Serverless::Function", "CodeUri", AddonsAssetReplacement.S3Uri, true),
        new("AWS::Serverless::LayerVersion", "ContentUri", AddonsAssetReplacement.S3Uri, true),
        new("AWS::Serverless::Application", "Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location", AddonsAssetReplacement.S3Uri, false),
        new("AWS::Serverless::Api", "DefinitionUri", AddonsAssetReplacement.S3Uri, false),
        new("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle", AddonsAssetReplacement.S3BucketS3KeyMap, false),
        new("AWS::CloudFormation::Stack", "TemplateURL", AddonsAssetReplacement.S3Uri, false),
        new("AWS::Glue::Job", "Command.ScriptLocation", AddonsAssetReplacement.S3Uri, false),
        new("AWS::StepFunctions::StateMachine", "DefinitionS3Location", AddonsAssetReplacement.BucketKeyMap, false),
        new("AWS::Serverless::StateMachine", "DefinitionUri", AddonsAssetReplacement.BucketKeyMap, false),
        new("AWS::CodeCommit::Repository", "Code.S3", AddonsAssetReplacement.BucketKeyMap, true),
    ];

    /// <summary>
    /// The local paths in <paramref name="addons"/>: packageable resource properties first (resource order, then the
    /// order of the table in the specification §8.2), then <c>Fn::Transform</c> blocks named <c>AWS::Include</c>
    /// whose <c>Parameters.Location</c> is local (template order).
    /// </summary>
    /// <remarks>
    /// A value is local when it is a non-empty, untagged string that does not start with <c>s3://</c>, <c>http://</c>
    /// or <c>https://</c>. Unlike copilot, tagged values (<c>!Sub</c>, <c>!Ref</c>) and maps are never taken for paths.
    /// </remarks>
    /// <param name="addons">The merged addons template.</param>
    /// <returns>The assets to upload; empty when there are none.</returns>
    public static IReadOnlyList<AddonsAsset> FindLocalAssets(AddonsTemplate addons)
    {
        ArgumentNullException.ThrowIfNull(addons);
        var assets = new List<AddonsAsset>();
        var resources = Child(addons.Template, "Resources") as YamlMappingNode ?? new YamlMappingNode();
        foreach (var (key, definition) in resources.Children)
        {
            var id = (key as YamlScalarNode)?.Value ?? string.Empty;
            var type = (Child(definition as YamlMappingNode, "Type") as YamlScalarNode)?.Value;
            var properties = Child(definition as YamlMappingNode, "Properties");
            foreach (var rule in Rules.Where(r => r.ResourceType == type))
            {
                var node = Follow(properties, rule.PropertyPath.Split('.'));
                if (LocalPath(node) is { } path)
                {
                    assets.Add(new AddonsAsset(id, rule.PropertyPath, path, rule.ZipSingleFiles, rule.Replacement) { Location = At(addons, id, node!) });
                }
            }
        }

        // A top-level Transform written as a map (or a list holding maps) may include a local file with AWS::Include.
        switch (Child(addons.Template, "Transform"))
        {
            case YamlMappingNode single:
                AddTopLevelInclude(single, "Transform", assets);
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    AddTopLevelInclude(list.Children[i] as YamlMappingNode, $"Transform.{i}", assets);
                }

                break;
        }

        foreach (var (key, section) in addons.Template.Children)
        {
            if (key is YamlScalarNode { Value: "Transform" })
            {
                continue;
            }

            FindIncludes(section, (key as YamlScalarNode)?.Value ?? string.Empty, assets, addons);
        }

        return assets;
    }

    private static void AddTopLevelInclude(YamlMappingNode? transform, string path, List<AddonsAsset> assets)
    {
        if (Child(transform, "Name") is YamlScalarNode { Value: "AWS::Include" }
            && LocalPath(Follow(transform, ["Parameters", "Location"])) is { } local)
        {
            assets.Add(new AddonsAsset(null, $"{path}.Parameters.Location", local, false, AddonsAssetReplacement.S3Uri));
        }
    }

    private static SourceLocation? At(AddonsTemplate addons, string? resource, YamlNode node) =>
        resource is not null && addons.ResourceFiles.TryGetValue(resource, out var file) ? BoundedYamlLoader.At(file, node.Start) : null;

    private static void FindIncludes(YamlNode node, string path, List<AddonsAsset> assets, AddonsTemplate addons)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                    var childPath = $"{path}.{name}";
                    if (name == "Fn::Transform"
                        && value is YamlMappingNode transform
                        && Child(transform, "Name") is YamlScalarNode { Value: "AWS::Include" }
                        && LocalPath(Follow(transform, ["Parameters", "Location"])) is { } local)
                    {
                        var resource = childPath.StartsWith("Resources.", StringComparison.Ordinal) ? childPath.Split('.')[1] : null;
                        assets.Add(new AddonsAsset(null, $"{childPath}.Parameters.Location", local, false, AddonsAssetReplacement.S3Uri)
                        {
                            Location = At(addons, resource, Follow(transform, ["Parameters", "Location"])!),
                        });
                        continue;
                    }

                    FindIncludes(value, childPath, assets, addons);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    FindIncludes(sequence.Children[i], $"{path}.{i}", assets, addons);
                }

                break;
        }
    }

    private static string? LocalPath(YamlNode? value)
    {
        if (value is not YamlScalarNode { Value: { Length: > 0 } text } scalar
            || !(scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific || scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return null;
        }

        return text.StartsWith("s3://", StringComparison.Ordinal)
            || text.StartsWith("http://", StringComparison.Ordinal)
            || text.StartsWith("https://", StringComparison.Ordinal)
            ? null
            : text;
    }

    private static YamlNode? Follow(YamlNode? node, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            node = Child(node as YamlMappingNode, key);
        }

        return node;
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private sealed record Rule(string ResourceType, string PropertyPath, AddonsAssetReplacement Replacement, bool ZipSingleFiles);
}
