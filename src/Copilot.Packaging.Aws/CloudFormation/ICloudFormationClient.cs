namespace Copilot.Packaging.Aws.CloudFormation;

/// <summary>
/// The read-only CloudFormation calls packaging makes. This is a stand-in for AWSSDK.CloudFormation's
/// <c>IAmazonCloudFormation</c>, which the package registry here does not serve; when it is available, an adapter over
/// <c>IAmazonCloudFormation</c> replaces <see cref="CloudFormationClient"/> in one place
/// (<see cref="AwsContext"/>'s <c>CloudFormation</c> factory) and nothing else changes.
/// Failures throw <see cref="AwsServiceException"/> (see <see cref="AwsServiceException.IsStackNotFound"/>).
/// </summary>
internal interface ICloudFormationClient
{
    /// <summary>Describes one stack by name or stack ID.</summary>
    Task<CloudFormationStack> DescribeStackAsync(string stackNameOrId, CancellationToken cancellationToken);

    /// <summary>The stack's template body as it was submitted (<c>TemplateStage=Original</c>).</summary>
    Task<string> GetTemplateAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The stack's template summary; only <c>Metadata</c> is read.</summary>
    Task<TemplateSummary> GetTemplateSummaryAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The stack set's instances in <paramref name="account"/> and <paramref name="region"/>, every page.</summary>
    Task<IReadOnlyList<StackInstanceSummary>> ListStackInstancesAsync(string stackSetName, string account, string region, CancellationToken cancellationToken);
}
