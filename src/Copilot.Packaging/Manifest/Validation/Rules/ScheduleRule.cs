using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>on.schedule</c> is required. An empty schedule passes copilot's validation but fails when the template is
/// rendered, so it is reported here too. The syntax itself is checked by the schedule conversion.
/// </summary>
internal sealed class ScheduleRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Schedule is null)
        {
            diagnostics.Error("on.schedule", "\"schedule\" must be specified under \"on\"; expected for example \"@daily\", \"@every 1h\", a cron expression or \"none\"");
        }
        else if (string.IsNullOrWhiteSpace(manifest.Schedule))
        {
            diagnostics.Error("on.schedule", "\"schedule\" cannot be empty; expected for example \"@daily\", \"@every 1h\", a cron expression or \"none\"");
        }
    }
}
