using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Beyond copilot: a sidecar cannot reuse the main container's name (the job name) or, when logging is enabled, the
/// log router's name, because ECS refuses a task definition with two containers of one name.
/// </summary>
internal sealed class ContainerNamesRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        foreach (var name in manifest.Sidecars.Keys)
        {
            if (name == manifest.Name && name.Length > 0)
            {
                diagnostics.Error(FieldPath.Key("sidecars", name), $"sidecar \"{name}\" has the name of the main container (the job name); give the sidecar another name");
            }
            else if (name == ContainerDependenciesRule.LogRouterName && manifest.Logging is { IsFireLensEnabled: true })
            {
                diagnostics.Error(FieldPath.Key("sidecars", name), $"sidecar \"{name}\" has the name of the log router that \"logging\" adds; give the sidecar another name");
            }
        }
    }
}
