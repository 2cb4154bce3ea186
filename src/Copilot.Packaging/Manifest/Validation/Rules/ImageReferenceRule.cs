using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>
/// Image locations must be Docker image references and environment variable and secret names must be names ECS can
/// set; copilot leaves both to ECS, which fails the deployment (or the task) instead.
/// </summary>
internal sealed class ImageReferenceRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        CheckLocation(manifest.Image.Location, "image.location", diagnostics);
        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            CheckLocation(sidecar.ImageLocation, FieldPath.Key(FieldPath.Key("sidecars", name), "image"), diagnostics);
        }

        foreach (var container in ContainerEnvironment.All(manifest))
        {
            CheckNames(container.Variables.Keys, FieldPath.Key(container.Prefix, "variables"), diagnostics);
            CheckNames(container.Secrets.Keys, FieldPath.Key(container.Prefix, "secrets"), diagnostics);
        }
    }

    private static void CheckLocation(string? location, string field, DiagnosticCollector diagnostics)
    {
        if (location is { Length: > 0 } && !ImageReferences.IsValidReference(location))
        {
            diagnostics.Error(
                field,
                "is not a valid image reference; expected [registry/]repository[:tag][@digest] with a lower-case repository, for example 123456789012.dkr.ecr.us-west-2.amazonaws.com/app/job:v1");
        }
    }

    private static void CheckNames(IEnumerable<string> names, string field, DiagnosticCollector diagnostics)
    {
        foreach (var name in names.Where(n => !ImageReferences.IsValidVariableName(n)))
        {
            diagnostics.Error(
                FieldPath.Key(field, name),
                "is not a valid environment variable name: it must not be empty or contain '=' or control characters");
        }
    }
}
