namespace Copilot.Packaging.Addons;

/// <summary>What an uploaded addons asset's local path is replaced with.</summary>
internal enum AddonsAssetReplacement
{
    /// <summary>The URI <c>s3://bucket/key</c>.</summary>
    S3Uri,

    /// <summary>A map <c>{Bucket: bucket, Key: key}</c>.</summary>
    BucketKeyMap,

    /// <summary>A map <c>{S3Bucket: bucket, S3Key: key}</c>.</summary>
    S3BucketS3KeyMap,
}
