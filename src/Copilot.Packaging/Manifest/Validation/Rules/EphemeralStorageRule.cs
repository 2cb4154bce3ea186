using System.Globalization;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>storage.ephemeral</c> must be between 20 and 200 GiB (the Fargate limits).</summary>
internal sealed class EphemeralStorageRule : IManifestRule
{
    private const int MinimumGiB = 20;
    private const int MaximumGiB = 200;

    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (manifest.Storage?.Ephemeral is { } size && size is < MinimumGiB or > MaximumGiB)
        {
            diagnostics.Error(
                "storage.ephemeral",
                string.Create(CultureInfo.InvariantCulture, $"ephemeral storage must be between {MinimumGiB} GiB and {MaximumGiB} GiB; got {size}"));
        }
    }
}
