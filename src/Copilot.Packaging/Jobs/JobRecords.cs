using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>The records a job is packaged with, and whether they were read from AWS (then the deployed stack is checked).</summary>
internal sealed record JobRecords(ApplicationRecord Application, EnvironmentRecord Environment, RegionalResources Regional, bool FromAws)
{
    /// <summary>Reads the records of <paramref name="env"/>: from the workspace records file when it has them, else from AWS.</summary>
    /// <exception cref="CopilotJobException">The records are missing; when read from AWS, with code <see cref="CopilotJobErrorCode.AwsRead"/>.</exception>
    public static async Task<JobRecords> ReadAsync(
        IFileSystem fileSystem, AwsPorts? aws, IPackagingReporter reporter, CopilotWorkspace workspace, string app, string env, CancellationToken cancellationToken)
    {
        var resolver = new RecordStoreResolver(fileSystem, aws is null ? null : aws.RecordStore, reporter);
        var workspaceRecords = resolver.ReadWorkspaceRecords(workspace);
        CopilotNames.Ensure("environment", env, source: null);
        var store = await resolver.ForEnvironmentAsync(workspaceRecords, app, env, cancellationToken);
        var fromAws = !ReferenceEquals(store, workspaceRecords);
        try
        {
            var application = await store.GetApplicationAsync(app, cancellationToken);
            var environment = await store.GetEnvironmentAsync(app, env, cancellationToken);
            CopilotNames.Ensure("application", application.Name, store.Source);
            CopilotNames.Ensure("environment", environment.Name, store.Source);
            var regional = await store.GetRegionalResourcesAsync(application, environment.Region, cancellationToken);
            reporter.Info($"Using records for environment {env} from {store.Source}.");
            return new JobRecords(application, environment, regional, fromAws);
        }
        catch (CopilotJobException ex) when (fromAws)
        {
            ex.Classify(CopilotJobErrorCode.AwsRead);
            throw;
        }
    }
}
