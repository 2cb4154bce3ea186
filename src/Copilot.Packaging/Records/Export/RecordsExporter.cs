using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Output;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Records.Export;

/// <summary>
/// Writes or updates <c>copilot/.records.yml</c> from another record store (AWS: SSM and the stacks), so that
/// <c>package</c> can run later without AWS access and give the same output. Other environments and regions already in
/// the file are kept; the file is replaced atomically.
/// </summary>
internal sealed class RecordsExporter
{
    private readonly IFileSystem _fileSystem;
    private readonly IPackagingReporter _reporter;

    /// <summary>Creates an exporter.</summary>
    /// <param name="fileSystem">The file system the workspace is found in and the file written to.</param>
    /// <param name="reporter">Where notices go.</param>
    public RecordsExporter(IFileSystem fileSystem, IPackagingReporter reporter)
    {
        _fileSystem = fileSystem;
        _reporter = reporter;
    }

    /// <summary>Reads the application, the environment and the region's resources from <paramref name="source"/> and writes them.</summary>
    /// <param name="request">What to export.</param>
    /// <param name="source">Where the records come from (an AWS record store in the tool).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="CopilotJobException">No workspace or application, a record is missing, the existing file is invalid or describes another application, or the file cannot be written.</exception>
    public async Task<RecordsExportResult> ExportAsync(RecordsExportRequest request, IRecordStore source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var workspace = CopilotWorkspace.Find(_fileSystem, request.WorkingDirectory);
        var app = request.ApplicationName ?? workspace.ApplicationName ?? throw CopilotWorkspace.ApplicationRequired();

        var path = _fileSystem.Path.Combine(workspace.CopilotDirectory, WorkspaceRecordStore.FileName);
        var displayPath = workspace.DisplayPath(path);
        var existing = ReadExisting(path, displayPath, app);

        var env = request.EnvironmentName;
        CopilotNames.Ensure("environment", env, source: null);

        var application = await source.GetApplicationAsync(app, cancellationToken);
        var environment = await source.GetEnvironmentAsync(app, env, cancellationToken);
        var regional = await source.GetRegionalResourcesAsync(application, environment.Region, cancellationToken);

        var text = RecordsDocumentWriter.Write(existing, application, environment, regional);

        // What we write must read back; a failure here is a bug, not something for the user to fix.
        WorkspaceRecordStore.Parse(text, displayPath);
        cancellationToken.ThrowIfCancellationRequested();
        var written = new AtomicFileWriter(_fileSystem).Write(workspace.CopilotDirectory, [new OutputFile(WorkspaceRecordStore.FileName, text)]);
        _reporter.Verbose($"Read records of environment {env} from {source.Source}.");
        return new RecordsExportResult
        {
            FilePath = path,
            DisplayPath = displayPath,
            ApplicationName = app,
            EnvironmentName = environment.Name,
            Region = environment.Region,
            Created = existing is null,
            Unchanged = written.Unchanged.Count > 0,
        };
    }

    private YamlDotNet.RepresentationModel.YamlMappingNode? ReadExisting(string path, string displayPath, string app)
    {
        if (!InputFiles.Exists(_fileSystem, path))
        {
            return null;
        }

        var text = InputFiles.ReadText(_fileSystem, path, displayPath);
        WorkspaceRecordStore.Parse(text, displayPath);
        var root = RecordsDocumentWriter.Load(text, displayPath);
        var described = RecordsDocumentWriter.ApplicationName(root);
        if (described != app)
        {
            throw new CopilotJobException(
                $"{displayPath} describes application {described}, not {app}; exporting would mix two applications in one file",
                new SourceLocation(displayPath, 1, 1),
                $"Export from the workspace of application {app}, or move {displayPath} away first.");
        }

        return root;
    }
}
