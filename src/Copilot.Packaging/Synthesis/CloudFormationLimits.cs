using System.Text;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// CloudFormation's and ECS's hard limits, checked after synthesis so that a template that cannot deploy is refused
/// here, with the manifest field to change, instead of at <c>copilot deploy</c> time. copilot uploads the template to S3
/// and deploys it by <c>TemplateURL</c>, so the 1 MB template limit applies (not the 51,200 bytes of an inline body,
/// which is only reported as information).
/// </summary>
internal static class CloudFormationLimits
{
    /// <summary>The largest template deployable by <c>TemplateURL</c>: 1 MB.</summary>
    internal const int MaxTemplateBytes = 1_000_000;

    /// <summary>The largest template accepted inline (<c>TemplateBody</c>).</summary>
    internal const int MaxInlineTemplateBytes = 51_200;

    internal const int MaxResources = 500;
    internal const int MaxParameters = 200;
    internal const int MaxOutputs = 200;
    internal const int MaxParameterValueBytes = 4_096;
    internal const int MaxContainers = 10;

    /// <summary>EventBridge's longest <c>ScheduleExpression</c>.</summary>
    internal const int MaxScheduleLength = 256;

    /// <summary>Refuses what cannot deploy; returns notes for what only matters for inline deployment.</summary>
    /// <exception cref="CopilotJobException">A limit is exceeded; every exceeded limit is listed.</exception>
    internal static IReadOnlyList<string> Check(JobStack stack, string templateText, ScheduledJobManifest manifest, string schedule)
    {
        var problems = new List<Diagnostic>();
        var manifestFile = manifest.Source.Locate(string.Empty);
        var templateBytes = Encoding.UTF8.GetByteCount(templateText);
        if (templateBytes > MaxTemplateBytes)
        {
            problems.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                $"the template of stack {stack.StackName} is {templateBytes} bytes; CloudFormation deploys at most {MaxTemplateBytes} bytes (by TemplateURL, as copilot deploys)",
                manifestFile));
        }

        Count(stack.Template, "Resources", MaxResources, "resources", stack.StackName, manifestFile, problems);
        Count(stack.Template, "Parameters", MaxParameters, "parameters", stack.StackName, manifestFile, problems);
        Count(stack.Template, "Outputs", MaxOutputs, "outputs", stack.StackName, manifestFile, problems);

        foreach (var (name, value) in stack.Configuration.Parameters)
        {
            var bytes = Encoding.UTF8.GetByteCount(value);
            if (bytes > MaxParameterValueBytes)
            {
                problems.Add(new Diagnostic(DiagnosticSeverity.Error, $"the value of template parameter {name} is {bytes} bytes; CloudFormation accepts at most {MaxParameterValueBytes}", manifestFile));
            }
        }

        var containers = 1 + manifest.Sidecars.Count + (manifest.Logging is null ? 0 : 1);
        if (containers > MaxContainers)
        {
            problems.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                $"the task definition would have {containers} containers (the job, its sidecars and the log router); ECS accepts at most {MaxContainers}",
                manifest.Source.Locate("sidecars")));
        }

        if (schedule.Length > MaxScheduleLength)
        {
            problems.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                $"the schedule expression is {schedule.Length} characters long; EventBridge accepts at most {MaxScheduleLength}",
                manifest.Source.Locate("on.schedule")));
        }

        if (problems.Count > 0)
        {
            throw new CopilotJobException(problems);
        }

        return templateBytes > MaxInlineTemplateBytes
            ? [$"The template is {templateBytes} bytes: deploy it by TemplateURL from S3 (as copilot does); CloudFormation accepts at most {MaxInlineTemplateBytes} bytes inline."]
            : [];
    }

    private static void Count(YamlMappingNode template, string section, int max, string what, string stackName, SourceLocation at, List<Diagnostic> problems)
    {
        if (template.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlMappingNode map && map.Children.Count > max)
        {
            problems.Add(new Diagnostic(DiagnosticSeverity.Error, $"the template of stack {stackName} has {map.Children.Count} {what}; CloudFormation accepts at most {max}", at));
        }
    }
}
