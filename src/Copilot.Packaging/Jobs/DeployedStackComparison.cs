using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Synthesis;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Jobs;

/// <summary>Compares a deployed workload stack with the stack we would deploy: template, parameter values and tags.</summary>
internal static class DeployedStackComparison
{
    /// <summary>The diff; a stack that does not exist compares as empty (everything is added).</summary>
    /// <exception cref="DiffUnavailableException">The deployed template does not parse.</exception>
    public static StackDiff Compare(string stackName, DeployedStack? deployed, JobStack proposed)
    {
        var templateDiff = TemplateDiffer.Compare(deployed is null ? null : Parse(deployed.TemplateBody, stackName), proposed.Template);
        var parameterDiff = ParameterDiff.Compare(
            deployed?.Parameters ?? new Dictionary<string, string>(),
            deployed?.Tags ?? new Dictionary<string, string>(),
            proposed.Configuration.Parameters,
            proposed.Configuration.Tags);
        return new StackDiff(templateDiff, parameterDiff);
    }

    /// <summary>The deployed template's <c>Metadata.Version</c>, or null when it has none.</summary>
    /// <exception cref="DiffUnavailableException">The deployed template does not parse.</exception>
    public static string? TemplateVersionOf(string templateBody, string stackName) =>
        Parse(templateBody, stackName) is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("Metadata"), out var metadata)
            && metadata is YamlMappingNode map
            && map.Children.TryGetValue(new YamlScalarNode("Version"), out var version)
            && version is YamlScalarNode scalar
            ? scalar.Value
            : null;

    private static YamlNode? Parse(string templateBody, string stackName)
    {
        try
        {
            return CloudFormationTemplateParser.Parse(templateBody, $"the deployed template of stack {stackName}");
        }
        catch (CopilotJobException ex)
        {
            throw new DiffUnavailableException($"no diff: {ex.Describe()}", innerException: ex);
        }
    }
}
