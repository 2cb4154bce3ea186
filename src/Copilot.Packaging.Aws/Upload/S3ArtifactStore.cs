using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Aws.Upload;

/// <summary>The artifact bucket over AWSSDK.S3 (multipart-capable uploads through <see cref="TransferUtility"/>).</summary>
internal sealed class S3ArtifactStore(AwsContext context, IAmazonS3 s3, string bucket, string region) : IArtifactStore
{
    /// <inheritdoc />
    public string Bucket => bucket;

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await AwsSdkCall.RunAsync(
                context,
                "S3",
                "HeadObject",
                region,
                () => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            // Not there, or not allowed to look (PutObject may still be allowed): upload.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        using var transfer = new TransferUtility(s3);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = stream,
            ContentType = contentType,
            CannedACL = S3CannedACL.BucketOwnerFullControl,
            AutoCloseStream = false,
        };
        await AwsSdkCall.RunAsync(
            context,
            "S3",
            "PutObject",
            region,
            async () =>
            {
                await transfer.UploadAsync(request, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
