using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Aws.Records;

namespace Copilot.Packaging.Aws;

/// <summary>
/// Reads the deployed workload stack <c>&lt;app&gt;-&lt;env&gt;-&lt;job&gt;</c> as the environment's manager role in the
/// environment's region: its template version (for the downgrade guard) and its template body (for <c>--diff</c>).
/// </summary>
internal sealed class WorkloadStackReader : IDeployedStackSource
{
    private readonly ICloudFormationClient cloudFormation;
    private readonly string region;

    internal WorkloadStackReader(ICloudFormationClient cloudFormation, string region)
    {
        this.cloudFormation = cloudFormation;
        this.region = region;
    }

    /// <summary>A reader for <paramref name="environment"/>'s stacks (assumes its manager role once per context).</summary>
    /// <param name="context">The run's AWS context.</param>
    /// <param name="environment">The environment record, as <see cref="AwsRecordStore"/> returns it.</param>
    /// <param name="cancellationToken">Cancels the role assumption.</param>
    public static async Task<WorkloadStackReader> ForEnvironmentAsync(AwsContext context, EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        var credentials = await context.EnvironmentCredentialsAsync(environment, cancellationToken).ConfigureAwait(false);
        return new WorkloadStackReader(context.CloudFormation(environment.Region, credentials), environment.Region);
    }

    /// <summary>
    /// The deployed stack's <c>Metadata.Version</c>; null when the stack does not exist or its metadata has no version
    /// (either way there is nothing to guard, see <see cref="TemplateVersionComparer.EnsureNotDowngrade"/>).
    /// </summary>
    public async Task<string?> GetDeployedVersionAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await cloudFormation.GetTemplateSummaryAsync(stackName, cancellationToken).ConfigureAwait(false);
            return TemplateMetadata.ReadVersion(summary.Metadata, stackName);
        }
        catch (AwsServiceException ex) when (ex.IsStackNotFound)
        {
            return null;
        }
        catch (AwsServiceException ex)
        {
            throw new CopilotJobException($"could not get the template version of stack {stackName} in region {region}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }
    }

    /// <summary>The deployed stack's template body exactly as it was submitted; null when the stack does not exist.</summary>
    public async Task<string?> GetDeployedTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            return await cloudFormation.GetTemplateAsync(stackName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsStackNotFound)
        {
            return null;
        }
        catch (AwsServiceException ex)
        {
            throw new CopilotJobException($"could not get the deployed template of stack {stackName} in region {region}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }
    }

    /// <summary>
    /// The deployed stack's template body, parameter values and tags; null when the stack does not exist.
    /// Used by <c>--diff</c>, which compares all three.
    /// </summary>
    public async Task<DeployedStack?> GetDeployedStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            var describe = cloudFormation.DescribeStackAsync(stackName, cancellationToken);
            var template = cloudFormation.GetTemplateAsync(stackName, cancellationToken);
            await Task.WhenAll(describe, template).ConfigureAwait(false);
            var stack = await describe.ConfigureAwait(false);
            return new DeployedStack(await template.ConfigureAwait(false), stack.Parameters, stack.Tags);
        }
        catch (AwsServiceException ex) when (ex.IsStackNotFound)
        {
            return null;
        }
        catch (AwsServiceException ex)
        {
            throw new CopilotJobException($"could not read the deployed stack {stackName} in region {region}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }
    }
}
