using Copilot.Packaging.Aws;
using Copilot.Packaging.Records;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The AWS side of a run, created only when something needs it: records from SSM and CloudFormation, and the deployed
/// workload stack (downgrade guard, <c>--diff</c>), subnets by tags, uploads. Offline runs never touch it.
/// </summary>
public interface IAwsConnector
{
    /// <summary>The record store that reads copilot's records from AWS.</summary>
    IRecordStore RecordStore();

    /// <summary>Reads stacks of <paramref name="environment"/> (as its manager role, in its region).</summary>
    Task<IDeployedStackSource> DeployedStacksAsync(EnvironmentRecord environment, CancellationToken cancellationToken);

    /// <summary>
    /// The IDs of the subnets in <paramref name="environment"/>'s region that carry every tag in <paramref name="tags"/>
    /// (any of the values listed for it), read as its manager role; empty when no subnet matches.
    /// </summary>
    /// <param name="environment">The environment whose region and manager role are used.</param>
    /// <param name="tags">Tag key to accepted values, as <c>network.vpc.placement.subnets.from_tags</c> gives them.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<string>> ResolveSubnetsAsync(EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken);

    /// <summary>Builds and pushes images and uploads assets (<c>--upload-assets</c>).</summary>
    Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken);
}

/// <summary>Reads a deployed workload stack.</summary>
public interface IDeployedStackSource
{
    /// <summary>The deployed stack's <c>Metadata.Version</c>; null when there is no stack or no version.</summary>
    Task<string?> GetDeployedVersionAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The deployed stack's template, parameters and tags; null when there is no stack.</summary>
    Task<DeployedStack?> GetDeployedStackAsync(string stackName, CancellationToken cancellationToken);
}
