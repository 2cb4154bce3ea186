using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>One group of checks on a Scheduled Job manifest. A rule reports every problem it finds, never only the first.</summary>
internal interface IManifestRule
{
    /// <summary>Checks <paramref name="manifest"/> and reports each problem to <paramref name="diagnostics"/>.</summary>
    void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics);
}
