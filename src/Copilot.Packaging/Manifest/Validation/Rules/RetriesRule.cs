using System.Globalization;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// <c>retries</c> cannot be negative (a check copilot makes at render time) and, beyond copilot, cannot exceed
/// <see cref="Maximum"/>.
/// </summary>
/// <remarks>
/// The state machine retries after 10 seconds with a backoff rate of 1.5, so retry <c>n</c> starts
/// 20 × (1.5ⁿ − 1) seconds after the first failure. From the 36th retry on that is later than one year, the longest a
/// Step Functions standard workflow runs, so such retries could never happen.
/// </remarks>
internal sealed class RetriesRule : IManifestRule
{
    /// <summary>The most retries that can still start within one year of waiting.</summary>
    internal const int Maximum = 35;

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Retries is not { } retries)
        {
            return;
        }

        if (retries < 0)
        {
            diagnostics.Error("retries", string.Create(CultureInfo.InvariantCulture, $"number of retries cannot be negative; got {retries}, expected 0 to {Maximum}"));
        }
        else if (retries > Maximum)
        {
            diagnostics.Error(
                "retries",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"number of retries cannot exceed {Maximum}; got {retries}. With a 10 s interval and backoff rate 1.5, later retries would start after the one-year limit of a Step Functions workflow"));
        }
    }
}
