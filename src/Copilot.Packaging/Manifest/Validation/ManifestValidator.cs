using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>
/// Validates a Scheduled Job manifest (after the environment override) with every rule copilot applies, plus the checks
/// that CloudFormation, ECS or Step Functions would otherwise only reject at deploy time. Unlike copilot, which stops at
/// the first problem, every independent problem is reported, each located in the manifest file.
/// </summary>
internal static class ManifestValidator
{
    /// <summary>Checks <paramref name="manifest"/> and returns every problem found.</summary>
    /// <param name="manifest">The typed manifest; its <see cref="ScheduledJobManifest.Source"/> locates the problems.</param>
    /// <returns>The errors in file order (line, then column); empty when the manifest is valid.</returns>
    public static IReadOnlyList<Diagnostic> Validate(ScheduledJobManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var collector = new DiagnosticCollector(manifest.Source);
        foreach (var rule in ManifestRules.All)
        {
            rule.Check(manifest, collector);
        }

        return collector.Diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
    }
}
