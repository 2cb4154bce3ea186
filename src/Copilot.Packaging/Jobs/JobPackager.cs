using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Validation;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;

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
    }

    /// <summary>Runs one <c>package</c> request.</summary>
    /// <exception cref="CopilotJobException">
    /// Anything the user can fix. With <see cref="PackageMode.Diff"/>, code <see cref="CopilotJobErrorCode.DiffUnavailable"/>
    /// (a <see cref="DiffUnavailableException"/>) when no comparison could be made.
    /// </exception>
    public async Task<PackageResult> PackageAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await RunAsync(request, cancellationToken);
        }
        catch (CopilotJobException ex) when (request.Mode is PackageMode.Diff && ex.Code == CopilotJobErrorCode.AwsRead)
        {
            // The one place that decides the --diff failure class: what AWS could not tell us means no diff.
            throw new DiffUnavailableException($"no diff: {ex.Describe()}", ex.Recommendation, ex);
        }
    }

    private async Task<PackageResult> RunAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        var workspace = CopilotWorkspace.Find(_fileSystem, request.WorkingDirectory);
        var app = WorkspaceCatalog.ApplicationOf(workspace, request.ApplicationName);
        var job = request.JobName;
        WorkloadDirectories.Read(_fileSystem, workspace).EnsureJob(job);
        cancellationToken.ThrowIfCancellationRequested();
        var records = await JobRecords.ReadAsync(_fileSystem, _aws, _reporter, workspace, app, request.EnvironmentName, cancellationToken);
        var env = records.Environment.Name;

        cancellationToken.ThrowIfCancellationRequested();
        var manifest = JobManifest.Read(_fileSystem, _variables, _reporter, workspace, app, job, env, request.Strict);
        _reporter.Info(ScheduleExplanation.Describe(manifest.Manifest.Schedule ?? string.Empty, manifest.ScheduleExpression, _clock.GetUtcNow()));
        manifest = manifest with { Manifest = await SubnetsFromTags.ResolveAsync(_aws?.Subnets, _reporter, manifest.Manifest, records.Environment, cancellationToken) };
        EnvironmentFeatureCheck.Ensure(
            manifest.Manifest, env, records.Environment.Version, records.Environment.Features,
            _fileSystem.File.Exists(_fileSystem.Path.Combine(workspace.CopilotDirectory, "environments", env, "manifest.yml")));

        var stackName = WorkloadStackName.Of(app, env, job);
        cancellationToken.ThrowIfCancellationRequested();
        var deployed = await DeployedStackReader.ReadAsync(_aws, _reporter, request, records, stackName, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var rendered = await new JobRenderer(_fileSystem, _reporter, _aws?.Assets)
            .RenderAsync(workspace, app, job, records, manifest, request.Mode, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var templateText = YamlTextWriter.Write(rendered.Stack.Template);
        foreach (var note in CloudFormationLimits.Check(rendered.Stack, templateText, manifest.Manifest, manifest.ScheduleExpression))
        {
            _reporter.Verbose(note);
        }

        var result = new PackageResult { JobName = job, EnvironmentName = env };
        switch (request.Mode)
        {
            case PackageMode.Diff diff:
                if (deployed is null)
                {
                    _reporter.Info($"Stack {stackName} does not exist yet: everything is new.");
                }

                var stackDiff = DeployedStackComparison.Compare(deployed, rendered.Stack);
                return result with { DiffText = stackDiff.ToText(new DiffWriteOptions { Color = diff.Color }), HasDiff = stackDiff.HasChanges };
            case PackageMode.WriteFiles files:
                return result with { WrittenFiles = PackageOutput.Write(_fileSystem, request.WorkingDirectory, files, job, env, rendered, templateText, cancellationToken) };
            default:
                return result with { TemplateText = templateText };
        }
    }
}
