using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>
/// Checks that the target environment's stack provides the features the manifest needs: private placement needs the
/// NAT Gateway feature and a copilot-managed EFS volume needs the EFS feature (both from environment version v1.3.0).
/// </summary>
internal static class EnvironmentFeatureCheck
{
    /// <summary>Throws when the manifest needs a feature the environment does not have.</summary>
    /// <param name="manifest">The manifest after the environment override.</param>
    /// <param name="envName">The environment name.</param>
    /// <param name="envVersion">The environment template version (for example <c>v1.2.0</c>).</param>
    /// <param name="availableFeatures">The environment stack's parameter names (for example <c>NATWorkloads</c>, <c>EFSWorkloads</c>).</param>
    /// <param name="environmentManifestExists">
    /// True when <c>copilot/environments/&lt;env&gt;/manifest.yml</c> exists in the workspace; then the recommendation is a
    /// single <c>copilot env deploy</c>, otherwise it also says how to write the environment manifest first.
    /// </param>
    /// <exception cref="CopilotJobException">
    /// A needed feature is missing; located at the manifest field that needs it, with upgrade advice as its recommendation.
    /// </exception>
    public static void Ensure(
        ScheduledJobManifest manifest,
        string envName,
        string envVersion,
        IReadOnlyCollection<string> availableFeatures,
        bool environmentManifestExists = false)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(availableFeatures);

        var missing = EnvironmentFeature.All
            .Select(f => (Feature: f, Field: f.FieldRequiring(manifest)))
            .Where(x => x.Field is not null && !availableFeatures.Contains(x.Feature.ParameterName, StringComparer.Ordinal))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var (feature, field) = missing[0];
        var others = missing.Skip(1).Select(x => $" It also needs the \"{x.Feature.FriendlyName}\" feature ({x.Field}, from {x.Feature.MinimumVersion}).");
        var message =
            $"environment \"{envName}\" is on version \"{envVersion}\" which does not support the \"{feature.FriendlyName}\" feature. "
            + $"Your manifest configuration ({field}) requires it; the least environment version that supports it is {feature.MinimumVersion}."
            + string.Concat(others);
        throw new CopilotJobException(message, manifest.Source.Locate(field!), Recommendation(envName, environmentManifestExists));
    }

    private static string Recommendation(string envName, bool environmentManifestExists)
    {
        var deploy = $"copilot env deploy --name {envName}";
        if (environmentManifestExists)
        {
            return $"You can upgrade the \"{envName}\" environment template by running `{deploy}`.";
        }

        var directory = $"copilot/environments/{envName}";
        return string.Join(
            Environment.NewLine,
            $"You can upgrade the \"{envName}\" environment template in three steps:",
            $"1. Create a directory for its manifest: `mkdir -p {directory}`.",
            $"2. Write the manifest of the deployed environment into it: `copilot env show --name {envName} --manifest > {directory}/manifest.yml`.",
            $"3. Deploy the environment with the newest template: `{deploy}`.");
    }
}
