using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Reads the deployed workload stack when the run needs it: for a diff, and for the downgrade guard when the records
/// come from AWS (a workspace records file says nothing about what is deployed). The read starts as soon as the
/// environment's region and role are known (<see cref="Start"/>, in the same wave as the environment stack's), and is
/// awaited where the run checks it (<see cref="FinishAsync"/>), so errors and notices come in the same order as ever.
/// </summary>
internal static class DeployedStackReader
{
    /// <summary>Starts the read a <c>package</c> run needs; null when it needs none or has no AWS access.</summary>
    public static Task<DeployedTemplate?>? Start(
        AwsPorts? aws, JobPackageRequest request, bool fromAws, Task<EnvironmentRecord> located, string app, CancellationToken cancellationToken)
    {
        if (aws is null || !Needed(request, fromAws))
        {
            return null;
        }

        return JobRecordsReader.Observed(ReadAsync(aws, request, located, app, cancellationToken));
    }

    /// <returns>The deployed stack for a diff (null when it does not exist yet); null otherwise.</returns>
    /// <exception cref="CopilotJobException">
    /// A newer template version is deployed (code <see cref="CopilotJobErrorCode.Downgrade"/>), or reading failed
    /// (code <see cref="CopilotJobErrorCode.AwsRead"/>).
    /// </exception>
    public static async Task<DeployedTemplate?> FinishAsync(
        Task<DeployedTemplate?>? started, AwsPorts? aws, IPackagingReporter reporter, JobPackageRequest request, JobRecords records, string stackName)
    {
        if (!Needed(request, records.FromAws))
        {
            if (!request.AllowDowngrade)
            {
                reporter.Verbose($"Downgrade check skipped: records come from the workspace, so stack {stackName} is not read.");
            }

            return null;
        }

        if (aws is null || started is null)
        {
            throw new DiffUnavailableException(
                "a diff needs AWS: it compares with the deployed stack, and this run has no AWS access",
                "Run with AWS credentials and a region configured (AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION).");
        }

        return await started;
    }

    private static bool Needed(JobPackageRequest request, bool fromAws) => request.Mode is PackageMode.Diff || (!request.AllowDowngrade && fromAws);

    private static async Task<DeployedTemplate?> ReadAsync(AwsPorts aws, JobPackageRequest request, Task<EnvironmentRecord> located, string app, CancellationToken cancellationToken)
    {
        var environment = await located;
        var stackName = WorkloadStackName.Of(app, environment.Name, request.JobName);
        try
        {
            var source = await aws.DeployedStacks.ForEnvironmentAsync(environment, cancellationToken);
            if (request.Mode is not PackageMode.Diff)
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
