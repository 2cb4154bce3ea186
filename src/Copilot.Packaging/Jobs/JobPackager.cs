using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Validation;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Packages one Scheduled Job for one environment: workspace → manifest (load, override, validate) → records →
/// synthesis → output or diff. The single entry point the tool calls; library users can call it the same way
/// (<see cref="WorkspaceCatalog"/> lists the jobs and environments to choose from).
/// </summary>
public sealed class JobPackager
{
    private readonly IFileSystem _fileSystem;
    private readonly IEnvironmentVariables _variables;
    private readonly IPackagingReporter _reporter;
    private readonly AwsPorts? _aws;
    private readonly TimeProvider _clock;
    private readonly JobRecordsReader _records;
    private readonly JobBatchScope? _batch;

    /// <summary>Creates a packager.</summary>
    /// <param name="fileSystem">The file system the workspace is read from and output written to.</param>
    /// <param name="variables">Environment variables, for manifest interpolation.</param>
    /// <param name="reporter">Where notices and warnings go.</param>
    /// <param name="aws">The AWS side (records when the workspace lacks them, downgrade guard, diff); null to work offline only.</param>
    /// <param name="clock">The clock the schedule's next run times are counted from; the system clock by default.</param>
    public JobPackager(IFileSystem fileSystem, IEnvironmentVariables variables, IPackagingReporter reporter, AwsPorts? aws = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _fileSystem = fileSystem;
        _variables = variables;
        _reporter = reporter;
        _aws = aws;
        _records = new JobRecordsReader(fileSystem, aws, reporter);
    }

    // A packager for one pair of a batch: its own reporter, the batch's records.
    internal JobPackager(JobPackager batch, IPackagingReporter reporter, AwsPorts? aws, JobBatchScope scope)
    {
        _batch = scope;
        _clock = batch._clock;
        _fileSystem = batch._fileSystem;
        _variables = batch._variables;
        _reporter = reporter;
        _aws = aws;
        _records = batch._records;
    }

    /// <summary>Runs one <c>package</c> request.</summary>
    /// <exception cref="CopilotJobException">
    /// Anything the user can fix. With <see cref="PackageMode.Diff"/>, code <see cref="CopilotJobErrorCode.DiffUnavailable"/>
    /// (a <see cref="DiffUnavailableException"/>) when no comparison could be made.
    /// </exception>
    public async Task<PackageResult> PackageAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Mode.EnsureValid();
        var (result, files) = await ProducePairAsync(request, cancellationToken);
        if (files is null)
        {
            return result;
        }

        var written = files.Write(_fileSystem, cancellationToken);
        return result with { WrittenFiles = written.Paths, UnchangedFiles = written.Unchanged };
    }

    /// <summary>
    /// Runs one <c>package</c> request over several jobs and environments (see <see cref="JobBatchRequest"/>): the pairs
    /// are packaged concurrently, records and AWS reads shared (each application and environment is read once), and
    /// with <see cref="PackageMode.WriteFiles"/> every pair's files are written in one all-or-nothing step once all
    /// pairs succeeded. Pairs that fail are returned in <see cref="JobBatchResult.Failures"/>; what each pair reported
    /// is passed on afterwards in pair order, each line prefixed with <c>&lt;job&gt;-&lt;env&gt;: </c>.
    /// </summary>
    /// <exception cref="CopilotJobException">
    /// The pairs could not be listed (no workspace, jobs or environments), a name repeats nothing, or a print was asked
    /// for several pairs.
    /// </exception>
    public Task<JobBatchResult> PackageBatchAsync(JobBatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Mode.EnsureValid();
        return new JobBatchPackager(new JobPackager(_fileSystem, _variables, new SynchronizedReporter(_reporter), _aws, _clock), _reporter)
            .RunAsync(request, cancellationToken);
    }

    /// <summary>A run (or a pair of a batch) up to its output: the result, and the files to write (not written yet).</summary>
    internal async Task<(PackageResult Result, PackageOutput? Files)> ProducePairAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ProduceAsync(request, cancellationToken);
        }
        catch (CopilotJobException ex) when (request.Mode is PackageMode.Diff && ex.Code == CopilotJobErrorCode.AwsRead)
        {
            // The one place that decides the --diff failure class: what AWS could not tell us means no diff.
            throw new DiffUnavailableException($"no diff: {ex.Describe()}", ex.Recommendation, ex);
        }
    }

    /// <summary>The file system, AWS ports and records of this packager, for the pairs of a batch.</summary>
    internal IFileSystem FileSystem => _fileSystem;

    internal AwsPorts? Aws => _aws;

    internal JobRecordsReader Records => _records;

    private async Task<(PackageResult Result, PackageOutput? Files)> ProduceAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        Task<DeployedTemplate?>? deployedRead = null;
        var prepared = await PrepareAsync(
            request,
            (read, app) => deployedRead = DeployedStackReader.Start(_aws, request, read.FromAws, read.Located, app, cancellationToken),
            cancellationToken);
        var (workspace, app, job, records, manifest, stackName) = prepared;
        var env = records.Environment.Name;
        cancellationToken.ThrowIfCancellationRequested();
        var deployed = await DeployedStackReader.FinishAsync(deployedRead, _aws, _reporter, request, records, stackName);
        cancellationToken.ThrowIfCancellationRequested();
        var rendered = await new JobRenderer(_fileSystem, _reporter, _aws?.Assets, request)
            .RenderAsync(workspace, app, job, records, manifest, request.Mode, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var configuration = rendered.Stack.Configuration;
        var result = new PackageResult { JobName = job, EnvironmentName = env, Parameters = configuration.Parameters, Tags = configuration.Tags };
        switch (request.Mode)
        {
            case PackageMode.Diff diff:
                if (deployed is null)
                {
                    _reporter.Info($"Stack {stackName} does not exist yet: everything is new.");
                }

                var stackDiff = DeployedStackComparison.Compare(deployed, rendered.Stack);
                return (new PackageResult { JobName = job, EnvironmentName = env, DiffText = stackDiff.ToText(new DiffWriteOptions { Color = diff.Color }), HasDiff = stackDiff.HasChanges }, null);
            case PackageMode.WriteFiles files:
                return (result, PackageOutput.For(_fileSystem, request.WorkingDirectory, files, job, env, rendered));
            default:
                return (result with { TemplateText = rendered.TemplateText }, null);
        }
    }

    /// <summary>
    /// The first half of a run, shared by <c>package</c> and <c>deploy</c>: workspace, job, records, manifest (loaded,
    /// validated, subnets resolved, environment features checked) and the stack name. Nothing is uploaded yet.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="recordsStarted">
    /// Called with the application once the record reads are under way, to start reads that need only the environment's region and role
    /// (the deployed stack) in the same wave as the last records; null for none.
    /// </param>
    /// <param name="cancellationToken">Cancels the run.</param>
    internal async Task<PreparedJob> PrepareAsync(JobPackageRequest request, Action<JobRecordsRead, string>? recordsStarted, CancellationToken cancellationToken)
    {
        var workspace = _batch?.Workspace ?? CopilotWorkspace.Find(_fileSystem, request.WorkingDirectory);
        var app = WorkspaceCatalog.ApplicationOf(workspace, request.ApplicationName);
        var job = request.JobName;
        var scope = _batch ?? new JobBatchScope(workspace);
        scope.EnsureJob(_fileSystem, job);

        cancellationToken.ThrowIfCancellationRequested();
        var read = await _records.StartAsync(workspace, app, request.EnvironmentName, cancellationToken);
        recordsStarted?.Invoke(read, app);
        var records = await read.Records;
        var env = records.Environment.Name;

        cancellationToken.ThrowIfCancellationRequested();
        var manifest = JobManifest.Read(_variables, _reporter, workspace, app, job, env, request.Strict, scope.ManifestReader(_fileSystem));
        _reporter.Info(ScheduleExplanation.Describe(manifest.Manifest.Schedule ?? string.Empty, manifest.ScheduleExpression, _clock.GetUtcNow()));
        manifest = manifest with { Manifest = await SubnetsFromTags.ResolveAsync(_aws?.Subnets, _reporter, manifest.Manifest, records.Environment, cancellationToken) };
        EnvironmentFeatureCheck.Ensure(
            manifest.Manifest, env, records.Environment.Version, records.Environment.Features,
            _fileSystem.File.Exists(_fileSystem.Path.Combine(workspace.CopilotDirectory, "environments", env, "manifest.yml")));
        return new PreparedJob(workspace, app, job, records, manifest, WorkloadStackName.Of(app, env, job));
    }

    /// <summary>
    /// The second half for <c>deploy</c>: uploads (as <c>--upload-assets</c>), synthesis, overrides and the same
    /// CloudFormation limits as <c>package</c>; the stack and its template text.
    /// </summary>
    internal async Task<(JobStack Stack, string TemplateText)> RenderUploadedAsync(JobPackageRequest request, PreparedJob prepared, CancellationToken cancellationToken)
    {
        var rendered = await new JobRenderer(_fileSystem, _reporter, _aws?.Assets, request).RenderAsync(
            prepared.Workspace, prepared.App, prepared.Job, prepared.Records, prepared.Manifest, request.Mode, cancellationToken);
        return (rendered.Stack, rendered.TemplateText);
    }
}
