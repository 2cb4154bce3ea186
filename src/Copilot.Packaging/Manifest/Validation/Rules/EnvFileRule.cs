using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>env_file</c> of the main container, the log router and each sidecar must have the <c>.env</c> extension.</summary>
internal sealed class EnvFileRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        foreach (var container in ContainerEnvironment.All(manifest))
        {
            if (container.EnvFile is { } path && Extension(path) != ".env")
            {
                diagnostics.Error(
                    FieldPath.Key(container.Prefix, "env_file"),
                    $"environment file {path} must have a .env file extension; rename it, for example to {path}.env");
            }
        }
    }

    // Like Go's filepath.Ext: the suffix from the last '.' of the last path element, or empty.
    private static string Extension(string path)
    {
        var fileName = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = fileName.LastIndexOf('.');
        return dot < 0 ? string.Empty : fileName[dot..];
    }
}
