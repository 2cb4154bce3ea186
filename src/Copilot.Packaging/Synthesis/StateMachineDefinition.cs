using System.Globalization;
using System.Text;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// The Step Functions definition (<c>DefinitionString</c>) that runs the task once, with the job's timeout and retries.
/// The text is reproduced character for character as copilot renders it (JSON with a two-space indent, ending in
/// <c>}</c> and six spaces), because a template diff compares it as one string.
/// </summary>
internal static class StateMachineDefinition
{
    /// <summary>Renders the definition.</summary>
    /// <param name="timeoutSeconds">The execution timeout, if any.</param>
    /// <param name="maxAttempts">The number of retries, if any (0 means none).</param>
    /// <param name="windows">True for Windows tasks, which need Fargate platform version 1.0.0.</param>
    public static string Render(long? timeoutSeconds, int? maxAttempts, bool windows)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"Version\": \"1.0\",\n");
        text.Append("  \"Comment\": \"Run AWS Fargate task\",\n");
        if (timeoutSeconds is { } timeout)
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"TimeoutSeconds\": {timeout},\n");
        }

        text.Append("  \"StartAt\": \"Run Fargate Task\",\n");
        text.Append("  \"States\": {\n");
        text.Append("    \"Run Fargate Task\": {\n");
        text.Append("      \"Type\": \"Task\",\n");
        text.Append("      \"Resource\": \"arn:${Partition}:states:::ecs:runTask.sync\",\n");
        text.Append("      \"Parameters\": {\n");
        text.Append("        \"LaunchType\": \"FARGATE\",\n");
        text.Append(CultureInfo.InvariantCulture, $"        \"PlatformVersion\": \"{(windows ? "1.0.0" : "LATEST")}\",\n");
        text.Append("        \"Cluster\": \"${Cluster}\",\n");
        text.Append("        \"TaskDefinition\": \"${TaskDefinition}\",\n");
        text.Append("        \"PropagateTags\": \"TASK_DEFINITION\",\n");
        text.Append("        \"Group.$\": \"$$.Execution.Name\",\n");
        text.Append("        \"NetworkConfiguration\": {\n");
        text.Append("          \"AwsvpcConfiguration\": {\n");
        text.Append("            \"Subnets\": [\"${Subnets}\"],\n");
        text.Append("            \"AssignPublicIp\": \"${AssignPublicIp}\",\n");
        text.Append("            \"SecurityGroups\": [\"${SecurityGroups}\"]\n");
        text.Append("          }\n");
        text.Append("        }\n");
        text.Append("      },\n");
        if (maxAttempts is { } retries and > 0)
        {
            text.Append("      \"Retry\": [\n");
            text.Append("        {\n");
            text.Append("          \"ErrorEquals\": [\n");
            text.Append("            \"States.ALL\"\n");
            text.Append("          ],\n");
            text.Append("          \"IntervalSeconds\": 10,\n");
            text.Append(CultureInfo.InvariantCulture, $"          \"MaxAttempts\": {retries},\n");
            text.Append("          \"BackoffRate\": 1.5\n");
            text.Append("        }\n");
            text.Append("      ],\n");
        }

        text.Append("      \"End\": true\n");
        text.Append("    }\n");
        text.Append("  }\n");
        text.Append("}      ");
        return text.ToString();
    }

    /// <summary>Renders the definition for <paramref name="manifest"/>, checking its <c>timeout</c> and <c>retries</c>.</summary>
    /// <exception cref="CopilotJobException">The timeout is not a whole number of seconds of at least one, or retries is negative.</exception>
    public static string Render(ScheduledJobManifest manifest, bool windows) =>
        Render(TimeoutSeconds(manifest), Retries(manifest), windows);

    /// <summary>The timeout in seconds, or null when none is set.</summary>
    public static long? TimeoutSeconds(ScheduledJobManifest manifest)
    {
        if (manifest.Timeout is not { } text)
        {
            return null;
        }

        if (!GoDuration.TryParse(text, out var duration, out var error))
        {
            throw Fail(manifest, "timeout", $"parse duration: {error}");
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            throw Fail(manifest, "timeout", "timeout must be greater than or equal to 1 second");
        }

        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Fail(manifest, "timeout", "timeout must be a whole number of seconds, minutes, or hours");
        }

        return duration.Ticks / TimeSpan.TicksPerSecond;
    }

    /// <summary>The number of retries, or null when none is set.</summary>
    public static int? Retries(ScheduledJobManifest manifest) =>
        manifest.Retries is < 0
            ? throw Fail(manifest, "retries", "number of retries cannot be negative")
            : manifest.Retries;

    private static CopilotJobException Fail(ScheduledJobManifest manifest, string field, string message) =>
        new(message, manifest.Source.Locate(field));
}
