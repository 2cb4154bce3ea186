using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Chooses where records come from: the workspace records file when it has the environment, else AWS
/// (SSM and CloudFormation), as copilot reads them.
/// </summary>
internal sealed class RecordStoreResolver(IFileSystem fileSystem, Func<IRecordStore>? awsRecordStoreFactory)
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
    public async Task<IRecordStore> ForListingAsync(WorkspaceRecordStore? workspaceRecords, string app, CancellationToken cancellationToken)
    {
        if (workspaceRecords is not null && (await workspaceRecords.ListEnvironmentsAsync(app, cancellationToken)).Count > 0)
        {
            return workspaceRecords;
        }

        return Aws(workspaceRecords);
    }

    /// <summary>The store that holds <paramref name="env"/>.</summary>
    public async Task<IRecordStore> ForEnvironmentAsync(WorkspaceRecordStore? workspaceRecords, string app, string env, CancellationToken cancellationToken)
    {
        if (workspaceRecords is not null && await workspaceRecords.HasEnvironmentAsync(app, env, cancellationToken))
        {
            return workspaceRecords;
        }

        if (awsRecordStoreFactory is null && workspaceRecords is not null)
        {
            // Let the file store explain what it lacks.
            return workspaceRecords;
        }

        return Aws(workspaceRecords);
    }

    private IRecordStore Aws(WorkspaceRecordStore? workspaceRecords)
    {
        if (awsRecordStoreFactory is null)
        {
            var reason = workspaceRecords is null
                ? $"there is no copilot/{WorkspaceRecordStore.FileName}"
                : $"{workspaceRecords.Source} has no environments";
            throw new CopilotJobException(
                $"no records to package with: {reason}, and no AWS access was given",
                recommendation: $"Create copilot/{WorkspaceRecordStore.FileName} (see the README).");
        }

        return _aws ??= awsRecordStoreFactory();
    }
}
