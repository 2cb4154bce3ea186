using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Reads the deployed workload stack when the run needs it: for a diff, and for the downgrade guard when the records
/// come from AWS (a workspace records file says nothing about what is deployed).
/// </summary>
internal static class DeployedStackReader
{
    /// <returns>The deployed stack for a diff (null when it does not exist yet); null otherwise.</returns>
    /// <exception cref="CopilotJobException">
    /// A newer template version is deployed (code <see cref="CopilotJobErrorCode.Downgrade"/>), or reading failed
    /// (code <see cref="CopilotJobErrorCode.AwsRead"/>).
    /// </exception>
    public static async Task<DeployedTemplate?> ReadAsync(
        AwsPorts? aws, IPackagingReporter reporter, JobPackageRequest request, JobRecords records, string stackName, CancellationToken cancellationToken)
    {
        var diff = request.Mode is PackageMode.Diff;
        if (!diff && (request.AllowDowngrade || !records.FromAws))
        {
            if (!request.AllowDowngrade)
            {
                reporter.Verbose($"Downgrade check skipped: records come from the workspace, so stack {stackName} is not read.");
            }

            return null;
        }

        if (aws is null)
        {
            throw new DiffUnavailableException(
                "a diff needs AWS: it compares with the deployed stack, and this run has no AWS access",
                "Run with AWS credentials and a region configured (AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION).");
        }

        try
        {
            var source = await aws.DeployedStacks.ForEnvironmentAsync(records.Environment, cancellationToken);
            if (!diff)
            {
                TemplateVersionComparer.EnsureNotDowngrade(request.JobName, await source.GetDeployedVersionAsync(stackName, cancellationToken));
                return null;
            }

            var stack = await source.GetDeployedStackAsync(stackName, cancellationToken);
            var deployed = stack is null ? null : new DeployedTemplate(stack, stackName);
            if (!request.AllowDowngrade && deployed is not null)
            {
                TemplateVersionComparer.EnsureNotDowngrade(request.JobName, deployed.Version);
            }

            return deployed;
        }
        catch (CopilotJobException ex)
        {
            ex.Classify(CopilotJobErrorCode.AwsRead);
            throw;
        }
    }
}
