using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>The main container image: exactly one of <c>build</c> and <c>location</c>, and valid <c>depends_on</c> statuses.</summary>
internal sealed class ImageRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var image = manifest.Image;
        if (image.Build is not null && image.Location is not null)
        {
            diagnostics.Error("image.location", "must specify one of \"build\" and \"location\", not both; remove one of them");
        }
        else if (image.Build is null && image.Location is null)
        {
            diagnostics.Error("image", "must specify one of \"build\" and \"location\"; neither is set");
        }

        ContainerDependencyStatus.CheckStatuses(image.DependsOn, "image.depends_on", diagnostics);
    }
}
