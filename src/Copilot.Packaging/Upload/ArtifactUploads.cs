using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Upload;

/// <summary>
/// Uploads artifacts under content-addressed keys: each key at most once per run, and not at all when the bucket
/// already holds it (the same key means the same content, so re-runs are no-ops).
/// </summary>
internal sealed class ArtifactUploads(IArtifactStore store, IPackagingReporter reporter)
{
    private readonly HashSet<string> done = new(StringComparer.Ordinal);

    /// <summary>The bucket name.</summary>
    public string Bucket => store.Bucket;

    /// <summary>Makes sure the object <paramref name="key"/> exists with <paramref name="content"/>.</summary>
    /// <param name="key">The content-addressed key.</param>
    /// <param name="content">The bytes (read only when an upload is needed).</param>
    /// <param name="what">What it is, for the progress line.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task EnsureAsync(string key, Func<ReadOnlyMemory<byte>> content, string what, CancellationToken cancellationToken)
    {
        if (!done.Add(key))
        {
            return;
        }

        if (await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            reporter.Info($"{what} is already in s3://{store.Bucket}/{key}");
            return;
        }

        await store.PutAsync(key, content(), ContentType(key), cancellationToken).ConfigureAwait(false);
        reporter.Info($"Uploaded {what} to s3://{store.Bucket}/{key}");
    }

    private static string ContentType(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".zip" => "application/zip",
        ".yml" or ".yaml" => "application/x-yaml",
        ".json" => "application/json",
        ".env" => "text/plain",
        _ => "application/octet-stream",
    };
}
