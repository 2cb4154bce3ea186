using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Imported values (<c>from_cfn</c>) need an export name, in the variables of every container. Secrets are checked the
/// same way (also for <c>secretsmanager</c>): an empty name would only fail at deploy time.
/// </summary>
internal sealed class ImportNamesRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        foreach (var container in ContainerEnvironment.All(manifest))
        {
            foreach (var (name, value) in container.Variables)
            {
                if (value.FromCfn is { } export && string.IsNullOrWhiteSpace(export))
                {
                    diagnostics.Error(
                        FieldPath.Key(FieldPath.Key(FieldPath.Key(container.Prefix, "variables"), name), "from_cfn"),
                        $"name cannot be an empty string; variable \"{name}\" needs the name of a CloudFormation export");
                }
            }

            foreach (var (name, secret) in container.Secrets)
            {
                CheckSecret(FieldPath.Key(FieldPath.Key(container.Prefix, "secrets"), name), name, secret, diagnostics);
            }
        }
    }

    private static void CheckSecret(string path, string name, SecretValue secret, DiagnosticCollector diagnostics)
    {
        if (secret.FromCfn is { } export && string.IsNullOrWhiteSpace(export))
        {
            diagnostics.Error(FieldPath.Key(path, "from_cfn"), $"name cannot be an empty string; secret \"{name}\" needs the name of a CloudFormation export");
        }

        if (secret.SecretsManager is { } secretName && string.IsNullOrWhiteSpace(secretName))
        {
            diagnostics.Error(FieldPath.Key(path, "secretsmanager"), $"\"secretsmanager\" cannot be an empty string; secret \"{name}\" needs the name of a Secrets Manager secret");
        }
    }
}
