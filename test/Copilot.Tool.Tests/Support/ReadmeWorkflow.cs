using YamlDotNet.RepresentationModel;

namespace Copilot.Tool.Tests.Support;

/// <summary>The GitHub Actions workflow of the README (the YAML block after <c>&lt;!-- deploy-workflow --&gt;</c>), parsed.</summary>
internal sealed class ReadmeWorkflow
{
    private ReadmeWorkflow(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    /// <summary>The workflow's top-level <c>env</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Mapping(Root, "env").Children.ToDictionary(p => Scalar(p.Key), p => Scalar(p.Value));

    public static ReadmeWorkflow Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(ReadmeBlocks.After(ReadmeBlocks.DeployWorkflow)))
        {
            yaml.Load(reader);
        }

        return new ReadmeWorkflow((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public YamlMappingNode Job(string name) => Mapping(Mapping(Root, "jobs"), name);

    /// <summary>The steps of <paramref name="job"/>, in order.</summary>
    public IReadOnlyList<YamlMappingNode> Steps(string job) =>
        [.. ((YamlSequenceNode)Job(job).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>()];

    /// <summary>The <c>run</c> scripts of <paramref name="job"/>, in order.</summary>
    public IReadOnlyList<string> RunSteps(string job) =>
        [.. Steps(job).Select(s => Value(s, "run")).OfType<string>()];

    /// <summary>A scalar value of a mapping, or null when the key is absent.</summary>
    public static string? Value(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    public static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode mapping
            ? mapping
            : throw new InvalidOperationException($"the README's workflow has no mapping '{key}' at {node.Start}");

    private static string Scalar(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw new InvalidOperationException($"not a scalar at {node.Start}");
}
