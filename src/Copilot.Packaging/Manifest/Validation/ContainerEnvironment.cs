using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>
/// The environment settings of one container (variables, secrets, env file) and the manifest path they sit under:
/// the main container at the top level, the FireLens log router under <c>logging</c>, and each sidecar.
/// </summary>
/// <param name="Prefix">The field path of the block (empty for the main container).</param>
/// <param name="Variables">The container's <c>variables</c>.</param>
/// <param name="Secrets">The container's <c>secrets</c>.</param>
/// <param name="EnvFile">The container's <c>env_file</c>.</param>
internal sealed record ContainerEnvironment(
    string Prefix,
    IReadOnlyDictionary<string, VariableValue> Variables,
    IReadOnlyDictionary<string, SecretValue> Secrets,
    string? EnvFile)
{
    /// <summary>The settings of every container of <paramref name="manifest"/>, main container first.</summary>
    public static IEnumerable<ContainerEnvironment> All(ScheduledJobManifest manifest)
    {
        yield return new ContainerEnvironment(string.Empty, manifest.Variables, manifest.Secrets, manifest.EnvFile);
        if (manifest.Logging is { IsFireLensEnabled: true } logging)
        {
            yield return new ContainerEnvironment("logging", logging.Variables, logging.Secrets, logging.EnvFile);
        }

        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            yield return new ContainerEnvironment(FieldPath.Key("sidecars", name), sidecar.Variables, sidecar.Secrets, sidecar.EnvFile);
        }
    }
}
