namespace Copilot.Packaging.Upload;

/// <summary>The application's artifact bucket, as the uploader sees it (S3 in production).</summary>
internal interface IArtifactStore
{
    /// <summary>The bucket name.</summary>
    string Bucket { get; }

    /// <summary>True when an object with <paramref name="key"/> already exists (false when it cannot be told).</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the object with ACL <c>bucket-owner-full-control</c>.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
}
