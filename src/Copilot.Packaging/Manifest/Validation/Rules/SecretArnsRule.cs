using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Beyond copilot: a secret written as an ARN must be a well-formed SSM parameter or Secrets Manager secret ARN, and
/// registry credentials (<c>image.credentials</c>, sidecar <c>credentialsParameter</c>) must be a Secrets Manager secret
/// ARN. Otherwise ECS or IAM would only refuse them at deploy time.
/// </summary>
internal sealed class SecretArnsRule : IManifestRule
{
    private const string ExpectedSecretArn =
        "arn:<partition>:ssm:<region>:<account>:parameter/<name> or arn:<partition>:secretsmanager:<region>:<account>:secret:<name>";

    private const string ExpectedCredentialsArn = "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>";

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        foreach (var container in ContainerEnvironment.All(manifest))
        {
            CheckSecrets(container.Secrets, FieldPath.Key(container.Prefix, "secrets"), diagnostics);
        }

        if (manifest.Logging is { IsFireLensEnabled: true } logging)
        {
            CheckSecrets(logging.SecretOptions, "logging.secretOptions", diagnostics);
        }

        CheckCredentials(manifest.Image.Credentials, "image.credentials", diagnostics);
        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            CheckCredentials(sidecar.CredentialsParameter, FieldPath.Key(FieldPath.Key("sidecars", name), "credentialsParameter"), diagnostics);
        }
    }

    private static void CheckSecrets(IReadOnlyDictionary<string, SecretValue> secrets, string prefix, DiagnosticCollector diagnostics)
    {
        foreach (var (name, secret) in secrets)
        {
            if (secret.Value is { } value && AwsArn.LooksLikeArn(value)
                && !AwsArn.IsSsmParameter(value) && !AwsArn.IsSecretsManagerSecret(value))
            {
                diagnostics.Error(
                    FieldPath.Key(prefix, name),
                    $"secret \"{name}\" is written as an ARN but is not a valid SSM parameter or Secrets Manager secret ARN: \"{value}\"; expected {ExpectedSecretArn}");
            }
        }
    }

    private static void CheckCredentials(string? credentials, string path, DiagnosticCollector diagnostics)
    {
        if (credentials is not null && !AwsArn.IsSecretsManagerSecret(credentials))
        {
            diagnostics.Error(path, $"registry credentials must be the ARN of a Secrets Manager secret; got \"{credentials}\", expected {ExpectedCredentialsArn}");
        }
    }
}
