using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>name</c> is required.</summary>
internal sealed class NameRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (string.IsNullOrEmpty(manifest.Name))
        {
            diagnostics.Error("name", "\"name\" must be specified; expected the job name, which is also its directory name under copilot/");
        }
    }
}
