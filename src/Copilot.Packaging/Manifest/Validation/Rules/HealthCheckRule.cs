using System.Globalization;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Beyond copilot: health checks of the main container and of sidecars must use durations and retries ECS accepts
/// (interval 5–300 s, timeout 2–120 s, start_period 0–300 s, retries 1–10); ECS otherwise refuses them at deploy time.
/// Durations are compared in whole seconds, as they are rendered.
/// </summary>
internal sealed class HealthCheckRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Image.HealthCheck is { } main)
        {
            CheckHealthCheck(main, "image.healthcheck", diagnostics);
        }

        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            if (sidecar.HealthCheck is { } check)
            {
                CheckHealthCheck(check, FieldPath.Key(FieldPath.Key("sidecars", name), "healthcheck"), diagnostics);
            }
        }
    }

    private static void CheckHealthCheck(HealthCheckConfig check, string prefix, DiagnosticCollector diagnostics)
    {
        CheckDuration(check.Interval, "interval", 5, 300, prefix, diagnostics);
        CheckDuration(check.Timeout, "timeout", 2, 120, prefix, diagnostics);
        CheckDuration(check.StartPeriod, "start_period", 0, 300, prefix, diagnostics);
        if (check.Retries is { } retries and (< 1 or > 10))
        {
            diagnostics.Error(FieldPath.Key(prefix, "retries"), string.Create(CultureInfo.InvariantCulture, $"health check \"retries\" must be between 1 and 10; got {retries}"));
        }
    }

    private static void CheckDuration(string? text, string key, int minimumSeconds, int maximumSeconds, string prefix, DiagnosticCollector diagnostics)
    {
        if (text is null)
        {
            return;
        }

        var path = FieldPath.Key(prefix, key);
        if (!GoDuration.TryParse(text, out var value, out var error))
        {
            diagnostics.Error(path, $"health check \"{key}\" is not a duration: {error}; expected for example 10s or 1m");
            return;
        }

        var seconds = (long)value.TotalSeconds;
        if (seconds < minimumSeconds || seconds > maximumSeconds)
        {
            diagnostics.Error(
                path,
                string.Create(CultureInfo.InvariantCulture, $"health check \"{key}\" must be between {minimumSeconds}s and {maximumSeconds}s; got {text}"));
        }
    }
}
