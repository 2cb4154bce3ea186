using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Synthesis;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Jobs;

/// <summary>A deployed workload stack, its template parsed once, on first use.</summary>
internal sealed class DeployedTemplate(DeployedStack stack, string stackName)
{
    private YamlNode? _template;
    private bool _parsed;

    public DeployedStack Stack => stack;

    /// <summary>The parsed template body.</summary>
    /// <exception cref="DiffUnavailableException">The deployed template does not parse.</exception>
    public YamlNode? Template
    {
        get
        {
            if (!_parsed)
            {
                _template = Parse(stack.TemplateBody, stackName);
                _parsed = true;
            }

            return _template;
        }
    }

    /// <summary>The template's <c>Metadata.Version</c>, or null when it has none.</summary>
    /// <exception cref="DiffUnavailableException">The deployed template does not parse.</exception>
    public string? Version =>
        Template is YamlMappingNode root
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

/// <summary>Compares a deployed workload stack with the stack we would deploy: template, parameter values and tags.</summary>
internal static class DeployedStackComparison
{
    /// <summary>The diff; a stack that does not exist compares as empty (everything is added).</summary>
    /// <exception cref="DiffUnavailableException">The deployed template does not parse.</exception>
    public static StackDiff Compare(DeployedTemplate? deployed, JobStack proposed)
    {
        var templateDiff = TemplateDiffer.Compare(deployed?.Template, proposed.Template);
        var parameterDiff = ParameterDiff.Compare(
            deployed?.Stack.Parameters ?? new Dictionary<string, string>(),
            deployed?.Stack.Tags ?? new Dictionary<string, string>(),
            proposed.Configuration.Parameters,
            proposed.Configuration.Tags);
        return new StackDiff(templateDiff, parameterDiff);
    }
}
