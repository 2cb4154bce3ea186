using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>timeout</c> must be a Go duration of whole seconds, at least 1 second (checks copilot makes at render time) and,
/// beyond copilot, at most one year, the longest a Step Functions standard workflow can run.
/// </summary>
internal sealed class TimeoutRule : IManifestRule
{
    /// <summary>The longest execution of a Step Functions standard workflow: one year of 365 days.</summary>
    internal static readonly TimeSpan Maximum = TimeSpan.FromDays(365);

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Timeout is not { } text)
        {
            return;
        }

        if (!GoDuration.TryParse(text, out var timeout, out var error))
        {
            diagnostics.Error("timeout", $"parse duration: {error}; expected a duration such as 90s, 30m or 1h30m");
        }
        else if (timeout < TimeSpan.FromSeconds(1))
        {
            diagnostics.Error("timeout", $"timeout must be greater than or equal to 1 second; got {text}");
        }
        else if (timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            diagnostics.Error("timeout", $"timeout must be a whole number of seconds, minutes, or hours; got {text}");
        }
        else if (timeout > Maximum)
        {
            diagnostics.Error("timeout", $"timeout must be at most 8760h (one year, the longest a Step Functions standard workflow can run); got {text}");
        }
    }
}
