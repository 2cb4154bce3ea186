namespace Copilot.Packaging.Upload;

/// <summary>The image URIs the rendered template uses for containers that were built and pushed.</summary>
/// <param name="Main">The main container's image; null when it is not built.</param>
/// <param name="Sidecars">Built sidecars' images by sidecar name.</param>
internal sealed record PublishedImages(string? Main, IReadOnlyDictionary<string, string> Sidecars)
{
    /// <summary>Nothing was built.</summary>
    public static readonly PublishedImages None = new(null, new Dictionary<string, string>());
}
