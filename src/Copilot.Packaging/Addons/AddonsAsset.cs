using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Addons;

/// <summary>A local file or directory an addons template refers to, which <c>--upload-assets</c> uploads to S3.</summary>
/// <param name="ResourceLogicalId">
/// The resource whose property holds the path; null for an <c>AWS::Include</c> transform, which can appear anywhere.
/// </param>
/// <param name="PropertyPath">
/// Dot-separated keys to the value: below the resource's <c>Properties</c> for a resource property
/// (<c>Code</c>, <c>Command.ScriptLocation</c>); from the template root for an <c>AWS::Include</c> transform
/// (<c>Resources.Api.Properties.Fn::Transform.Parameters.Location</c>).
/// </param>
/// <param name="LocalPath">The path as written in the template (relative paths are relative to the workspace root).</param>
/// <param name="ZipSingleFiles">True when a single file is zipped before upload too (directories are always zipped).</param>
/// <param name="Replacement">What the value becomes once uploaded.</param>
internal sealed record AddonsAsset(
    string? ResourceLogicalId,
    string PropertyPath,
    string LocalPath,
    bool ZipSingleFiles,
    AddonsAssetReplacement Replacement)
{
    /// <summary>Where the path is written (the addons file, line and column), when known.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Equal when they name the same path at the same property; <see cref="Location"/> is not compared.</summary>
    public bool Equals(AddonsAsset? other) =>
        other is not null
        && ResourceLogicalId == other.ResourceLogicalId
        && PropertyPath == other.PropertyPath
        && LocalPath == other.LocalPath
        && ZipSingleFiles == other.ZipSingleFiles
        && Replacement == other.Replacement;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ResourceLogicalId, PropertyPath, LocalPath, ZipSingleFiles, Replacement);
}
