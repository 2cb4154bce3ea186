using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Chooses where records come from: the workspace records file when it has the environment, else AWS
/// (SSM and CloudFormation), as copilot reads them. When the records file is there but lacks the application or the
/// environment, that is said first, and AWS is asked only when it is configured (<see cref="RecordsFileMissStore"/>).
/// </summary>
internal sealed class RecordStoreResolver(IFileSystem fileSystem, Func<IRecordStore>? awsRecordStoreFactory, IPackagingReporter reporter)
{
    private IRecordStore? _aws;

    /// <summary>The records file of the workspace, or null when there is none.</summary>
    public WorkspaceRecordStore? ReadWorkspaceRecords(CopilotWorkspace workspace)
    {
        var path = fileSystem.Path.Combine(workspace.CopilotDirectory, WorkspaceRecordStore.FileName);
        return InputFiles.Exists(fileSystem, path)
            ? WorkspaceRecordStore.Parse(BoundedYamlLoader.ReadText(fileSystem, path, workspace.DisplayPath(path)), workspace.DisplayPath(path))
            : null;
    }

    /// <summary>The store that lists the environments to choose from.</summary>
    public Task<IRecordStore> ForListingAsync(WorkspaceRecordStore? workspaceRecords, string app, CancellationToken cancellationToken)
    {
        if (workspaceRecords is null)
        {
            return Task.FromResult(Aws());
        }

        if (workspaceRecords.ApplicationName == app && workspaceRecords.EnvironmentNames.Count > 0)
        {
            return Task.FromResult<IRecordStore>(workspaceRecords);
        }

        return Task.FromResult<IRecordStore>(new RecordsFileMissStore(RecordsFileMiss.Of(workspaceRecords, app, env: null), awsRecordStoreFactory, reporter));
    }

    /// <summary>The store that holds <paramref name="env"/>.</summary>
    public async Task<IRecordStore> ForEnvironmentAsync(WorkspaceRecordStore? workspaceRecords, string app, string env, CancellationToken cancellationToken)
    {
        if (workspaceRecords is null)
        {
            return Aws();
        }

        if (await workspaceRecords.HasEnvironmentAsync(app, env, cancellationToken))
        {
            return workspaceRecords;
        }

        return new RecordsFileMissStore(RecordsFileMiss.Of(workspaceRecords, app, env), awsRecordStoreFactory, reporter);
    }

    // No records file: AWS is the only source, and its own errors say what is missing.
    private IRecordStore Aws()
    {
        if (awsRecordStoreFactory is null)
        {
            throw new CopilotJobException(
                $"no records to package with: there is no copilot/{WorkspaceRecordStore.FileName}, and no AWS access was given",
                recommendation: $"Create copilot/{WorkspaceRecordStore.FileName} (see the README).");
        }

        return _aws ??= awsRecordStoreFactory();
    }
}
