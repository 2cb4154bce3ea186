using Copilot.Packaging.Addons;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Upload;

/// <summary>What an <see cref="IAssetPublisher"/> needs to build, push and upload one job's assets for one environment.</summary>
internal sealed record UploadRequest
{
    /// <summary>The manifest after interpolation, the environment override and validation.</summary>
    public required ScheduledJobManifest Manifest { get; init; }

    /// <summary>The application name.</summary>
    public required string ApplicationName { get; init; }

    /// <summary>The job name (the main container's name).</summary>
    public required string JobName { get; init; }

    /// <summary>The environment name.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The workspace root (the directory that holds <c>copilot/</c>); relative paths of the manifest and addons resolve against it.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>
    /// Absolute directories outside <see cref="WorkspaceRoot"/> that local paths may resolve into
    /// (<c>--allow-outside-workspace</c>); every other path must stay inside the workspace root.
    /// </summary>
    public IReadOnlyList<string> AllowedOutsideWorkspace { get; init; } = [];

    /// <summary>The application's resources in the environment's region (artifact bucket, ECR repositories).</summary>
    public required RegionalResources Regional { get; init; }

    /// <summary>The environment record: its region (and partition) and the manager role S3 uploads are made with.</summary>
    public required EnvironmentRecord Environment { get; init; }

    /// <summary>The <c>--tag</c> value for the main image; null or empty to use the git tag, if any.</summary>
    public string? Tag { get; init; }

    /// <summary>The job's merged addons; null when it has none.</summary>
    public AddonsTemplate? Addons { get; init; }

    /// <summary>Where progress lines go.</summary>
    public IPackagingReporter Reporter { get; init; } = NullPackagingReporter.Instance;
}
