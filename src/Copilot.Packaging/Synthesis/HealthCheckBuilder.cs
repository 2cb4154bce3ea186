using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds a container <c>HealthCheck</c>, filling copilot's defaults for unset keys.</summary>
internal static class HealthCheckBuilder
{
    private static readonly string[] DefaultCommand = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"];

    /// <summary>The health check, or null when <paramref name="healthCheck"/> is absent.</summary>
    /// <param name="healthCheck">The manifest's health check.</param>
    /// <param name="source">Where fields were written.</param>
    /// <param name="fieldPath">The health check's field path, for errors (for example <c>image.healthcheck</c>).</param>
    public static YamlMappingNode? Build(HealthCheckConfig? healthCheck, ManifestSourceMap source, string fieldPath)
    {
        if (healthCheck is null)
        {
            return null;
        }

        var command = healthCheck.Command is { Count: > 0 } given ? given : DefaultCommand;
        return Cfn.Map(
            ("Command", Cfn.FlowList(command.Select(word => (YamlNode)Cfn.Double(word)).ToArray())),
            ("Interval", Cfn.Int(Seconds(healthCheck.Interval, 10, source, fieldPath + ".interval"))),
            ("Retries", Cfn.Int(healthCheck.Retries ?? 2)),
            ("StartPeriod", Cfn.Int(Seconds(healthCheck.StartPeriod, 0, source, fieldPath + ".start_period"))),
            ("Timeout", Cfn.Int(Seconds(healthCheck.Timeout, 5, source, fieldPath + ".timeout"))));
    }

    // Durations are rendered as whole seconds, truncated.
    private static long Seconds(string? duration, long fallback, ManifestSourceMap source, string fieldPath)
    {
        if (duration is null)
        {
            return fallback;
        }

        if (!GoDuration.TryParse(duration, out var value, out var error))
        {
            throw new CopilotJobException(
                $"\"{fieldPath}\" is not a duration: {error}; expected a Go duration such as 10s or 1m30s",
                source.Locate(fieldPath));
        }

        return value.Ticks / TimeSpan.TicksPerSecond;
    }
}
