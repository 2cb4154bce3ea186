using System.Globalization;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the template configuration: parameter values and stack tags.</summary>
internal static class TemplateConfigurationBuilder
{
    public static TemplateConfiguration Build(SynthesisContext context)
    {
        var input = context.Input;
        var manifest = context.Manifest;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AppName"] = context.AppName,
            ["EnvName"] = context.EnvName,
            ["WorkloadName"] = context.JobName,
            ["ContainerImage"] = input.ContainerImage ?? manifest.Image.Location ?? string.Empty,
            ["AddonsTemplateURL"] = input.AddonsTemplateUrl,
            ["ArtifactKeyARN"] = input.Regional.KmsKeyArn,
            ["EnvFileARN"] = EnvFileArn(input, context.JobName),
            ["TaskCPU"] = manifest.Cpu.ToString(CultureInfo.InvariantCulture),
            ["TaskMemory"] = manifest.Memory.ToString(CultureInfo.InvariantCulture),
            ["TaskCount"] = manifest.Count.ToString(CultureInfo.InvariantCulture),
            ["LogRetention"] = (manifest.Logging?.Retention ?? 30).ToString(CultureInfo.InvariantCulture),
            ["Schedule"] = context.ScheduleExpression,
        };
        if (context.FireLensEnabled)
        {
            parameters["LoggingEnvFileARN"] = EnvFileArn(input, LoggingConfig.FireLensContainerName);
        }

        foreach (var sidecar in context.Sidecars)
        {
            parameters[sidecar.EnvFileParameter] = EnvFileArn(input, sidecar.Name);
        }

        return new TemplateConfiguration(parameters, Tags(context));
    }

    /// <summary>The application's tags with copilot's own three tags, which win on a clash.</summary>
    public static IReadOnlyDictionary<string, string> Tags(SynthesisContext context)
    {
        var tags = new Dictionary<string, string>(context.Input.Application.Tags, StringComparer.Ordinal)
        {
            ["copilot-application"] = context.AppName,
            ["copilot-environment"] = context.EnvName,
            ["copilot-service"] = context.JobName,
        };
        return tags;
    }

    private static string EnvFileArn(JobStackInput input, string container) =>
        input.EnvFileArns.TryGetValue(container, out var arn) ? arn : string.Empty;
}
