namespace Copilot.Packaging.Upload;

/// <summary>The port that builds and pushes images and uploads assets (<c>--upload-assets</c>).</summary>
internal interface IAssetPublisher
{
    /// <summary>Builds, pushes and uploads everything <paramref name="request"/>'s job needs.</summary>
    Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken);
}
