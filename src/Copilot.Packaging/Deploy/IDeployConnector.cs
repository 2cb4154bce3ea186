using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Deploy;

/// <summary>The AWS side of a deploy: CloudFormation and the template bucket, as the environment's manager role in its region.</summary>
internal interface IDeployConnector
{
    /// <summary>Connects to <paramref name="environment"/>'s region with its manager role; templates go to <paramref name="regional"/>'s bucket.</summary>
    /// <param name="environment">The environment deployed to.</param>
    /// <param name="regional">The application's resources in the environment's region (the artifact bucket).</param>
    /// <param name="reporter">Where upload notices go.</param>
    /// <param name="cancellationToken">Cancels the role assumption.</param>
    Task<DeployTarget> ConnectAsync(EnvironmentRecord environment, RegionalResources regional, IPackagingReporter reporter, CancellationToken cancellationToken);
}

/// <summary>Where a deploy goes.</summary>
/// <param name="CloudFormation">The CloudFormation calls.</param>
/// <param name="Templates">The template store.</param>
internal sealed record DeployTarget(IStackDeployer CloudFormation, ITemplateStore Templates);

/// <summary>Asks whether to go on after <c>--diff</c> showed what would change.</summary>
public interface IDeployConfirmation
{
    /// <summary>Shows <paramref name="diffText"/> and answers whether to deploy.</summary>
    /// <param name="diffText">The diff (<c>No changes.</c> when nothing differs).</param>
    /// <param name="hasChanges">Whether the diff found differences.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    Task<bool> ConfirmAsync(string diffText, bool hasChanges, CancellationToken cancellationToken);
}
