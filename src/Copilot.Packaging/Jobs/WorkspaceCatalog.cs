using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// What a workspace offers to package: its jobs, and the environments its records (or AWS) know. The host lists these to
/// choose a job and an environment before it builds a <see cref="JobPackageRequest"/>; choosing (and asking) is its business.
/// </summary>
public sealed class WorkspaceCatalog
{
    private readonly IFileSystem _fileSystem;
    private readonly AwsPorts? _aws;
    private readonly IPackagingReporter _reporter;

    /// <summary>Creates a catalog.</summary>
    /// <param name="fileSystem">The file system the workspace is read from.</param>
    /// <param name="aws">The AWS side, for environments the workspace records lack; null to work offline only.</param>
    /// <param name="reporter">Where notices go (why AWS is read); nowhere by default.</param>
    public WorkspaceCatalog(IFileSystem fileSystem, AwsPorts? aws = null, IPackagingReporter? reporter = null)
    {
        _fileSystem = fileSystem;
        _aws = aws;
        _reporter = reporter ?? NullPackagingReporter.Instance;
    }

    /// <summary>The Scheduled Jobs of the workspace found from <paramref name="workingDirectory"/>, sorted by name.</summary>
    /// <exception cref="CopilotJobException">No workspace or application, or a manifest whose name is not its directory's.</exception>
    public IReadOnlyList<string> ListJobs(string workingDirectory, string? applicationName)
    {
        var workspace = CopilotWorkspace.Find(_fileSystem, workingDirectory);
        ApplicationOf(workspace, applicationName);
        return WorkloadDirectories.ListJobs(_fileSystem, workspace, _reporter, WorkloadDirectories.Direct(_fileSystem));
    }

    /// <summary>The environments of the application: those of the workspace records, else those AWS knows.</summary>
    /// <exception cref="CopilotJobException">No workspace, application or records.</exception>
    public async Task<IReadOnlyList<string>> ListEnvironmentsAsync(string workingDirectory, string? applicationName, CancellationToken cancellationToken)
    {
        var workspace = CopilotWorkspace.Find(_fileSystem, workingDirectory);
        var app = ApplicationOf(workspace, applicationName);
        var resolver = new RecordStoreResolver(_fileSystem, _aws is null ? null : _aws.RecordStore, _reporter);
        var store = await resolver.ForListingAsync(resolver.ReadWorkspaceRecords(workspace), app, cancellationToken);
        return await store.ListEnvironmentsAsync(app, cancellationToken);
    }

    /// <summary>
    /// The environments AWS knows for the application (SSM), whatever the workspace records hold: what
    /// <see cref="CopilotJobServices.ExportRecordsAsync"/> can export.
    /// </summary>
    /// <exception cref="CopilotJobException">No workspace or application, no AWS access, or AWS could not be read.</exception>
    public async Task<IReadOnlyList<string>> ListAwsEnvironmentsAsync(string workingDirectory, string? applicationName, CancellationToken cancellationToken)
    {
        var workspace = CopilotWorkspace.Find(_fileSystem, workingDirectory);
        var app = ApplicationOf(workspace, applicationName);
        var aws = _aws ?? throw CopilotJobServices.NoAws("listing the environments to export needs AWS: they are read from SSM");
        return await aws.RecordStore().ListEnvironmentsAsync(app, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The application named, or the workspace's.</summary>
    internal static string ApplicationOf(CopilotWorkspace workspace, string? applicationName)
    {
        var app = applicationName ?? workspace.ApplicationName ?? throw CopilotWorkspace.ApplicationRequired();
        CopilotNames.Ensure("application", app, applicationName is null ? "copilot/.workspace" : null);
        return app;
    }
}
