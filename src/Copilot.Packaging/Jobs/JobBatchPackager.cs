using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Upload;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Runs a <see cref="JobBatchRequest"/>: lists the pairs, starts every environment's record reads, packages the pairs
/// concurrently (bounded) through packagers that share the records, and writes every pair's files in one step.
/// </summary>
internal sealed class JobBatchPackager(JobPackager shared, IPackagingReporter reporter)
{
    public async Task<JobBatchResult> RunAsync(JobBatchRequest request, CancellationToken cancellationToken)
    {
        var fileSystem = shared.FileSystem;
        var catalog = new WorkspaceCatalog(fileSystem, shared.Aws, reporter);
        var workspace = CopilotWorkspace.Find(fileSystem, request.WorkingDirectory);
        var app = WorkspaceCatalog.ApplicationOf(workspace, request.ApplicationName);
        var scope = new JobBatchScope(workspace);
        var jobs = Distinct(request.JobNames ?? scope.ListJobs(fileSystem, reporter));
        var environments = Distinct(request.EnvironmentNames ?? await catalog.ListEnvironmentsAsync(request.WorkingDirectory, request.ApplicationName, cancellationToken));
        if (jobs.Count == 0)
        {
            throw new CopilotJobException("package: the workspace has no Scheduled Jobs", recommendation: "Create a job with `copilot job init`, or name the jobs to package.");
        }

        if (environments.Count == 0)
        {
            throw new CopilotJobException("package: the records know no environments", recommendation: "Name the environments to package.");
        }

        var pairs = jobs.SelectMany(job => environments.Select(env => (Job: job, Env: env))).ToList();
        if (request.Mode is PackageMode.Print && pairs.Count > 1)
        {
            throw new CopilotJobException(
                $"packaging {pairs.Count} jobs and environments needs an output directory (or a diff): one template can be printed, several are written as <job>-<env>.stack.yml",
                recommendation: "Write every pair's files to a directory, or package one job for one environment to print its template.",
                code: CopilotJobErrorCode.OutputDirectoryRequired);
        }

        // Every environment's records start now, in environment order; the pairs join them.
        foreach (var env in environments)
        {
            _ = JobRecordsReader.Observed(shared.Records.StartAsync(workspace, app, env, cancellationToken));
        }

        // Uploads go one pair at a time: image builds compete for the same machine, and a pair's uploads are reported together.
        using var uploads = new SemaphoreSlim(1);
        var aws = shared.Aws is { } ports
            ? new AwsPorts(ports.RecordStore, ports.DeployedStacks, ports.Subnets, new OneAtATimePublisher(ports.Assets, uploads)) { Deploy = ports.Deploy }
            : null;
        // Offline a pair only computes, so more pairs than processors would only compete for them (and for the
        // collector); with AWS a pair mostly waits for answers, so twice as many keep the processors busy.
        var parallelism = request.MaxParallelism > 0
            ? request.MaxParallelism
            : aws is null ? Math.Max(1, Environment.ProcessorCount) : Math.Max(2, Environment.ProcessorCount * 2);
        using var slots = new SemaphoreSlim(parallelism);
        // Task.Run: offline, a pair runs synchronously from start to end (its reads complete at once), so without it the
        // pairs would run one after another on this thread instead of side by side on the thread pool.
        var runs = pairs.Select(pair => Task.Run(() => RunPairAsync(request, pair.Job, pair.Env, aws, scope, slots, cancellationToken), cancellationToken)).ToList();
        await Task.WhenAll(runs);

        var outcomes = runs.Select(r => r.Result).ToList();
        foreach (var outcome in outcomes)
        {
            outcome.Reports.FlushTo(reporter);
        }

        var failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList();
        var results = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        if (failures.Count > 0 || request.Mode is not PackageMode.WriteFiles)
        {
            return new JobBatchResult { Results = results, Failures = failures };
        }

        var output = PackageOutput.Combine([.. outcomes.Select(o => o.Files!)]);
        var written = output.Write(fileSystem, cancellationToken);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < output.Files.Count; i++)
        {
            byName[output.Files[i].FileName] = written.Paths[i];
        }

        var unchanged = written.Unchanged.ToHashSet(StringComparer.Ordinal);
        return new JobBatchResult
        {
            Results = [.. outcomes.Select(o =>
            {
                var paths = o.Files!.Files.Select(f => byName[f.FileName]).ToList();
                return o.Result! with { WrittenFiles = paths, UnchangedFiles = [.. paths.Where(unchanged.Contains)] };
            })],
            WrittenFiles = written.Paths,
            UnchangedFiles = written.Unchanged,
        };
    }

    private async Task<PairOutcome> RunPairAsync(JobBatchRequest request, string job, string env, AwsPorts? aws, JobBatchScope scope, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var reports = new BufferedReporter($"{job}-{env}: ");
        await slots.WaitAsync(cancellationToken);
        try
        {
            var pairRequest = new JobPackageRequest
            {
                WorkingDirectory = request.WorkingDirectory,
                JobName = job,
                EnvironmentName = env,
                ApplicationName = request.ApplicationName,
                Mode = request.Mode,
                AllowDowngrade = request.AllowDowngrade,
                Strict = request.Strict,
                AllowedOutsideWorkspace = request.AllowedOutsideWorkspace,
            };
            var (result, files) = await new JobPackager(shared, reports, aws, scope).ProducePairAsync(pairRequest, cancellationToken);
            return new PairOutcome(reports, result, files, null);
        }
        catch (CopilotJobException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PairOutcome(reports, null, null, new JobBatchFailure(job, env, ex));
        }
        finally
        {
            slots.Release();
        }
    }

    private static List<string> Distinct(IReadOnlyList<string> names) => [.. names.Distinct(StringComparer.Ordinal)];

    private sealed record PairOutcome(BufferedReporter Reports, PackageResult? Result, PackageOutput? Files, JobBatchFailure? Failure);

    /// <summary>Lets one upload run at a time.</summary>
    private sealed class OneAtATimePublisher(IAssetPublisher inner, SemaphoreSlim gate) : IAssetPublisher
    {
        public async Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await inner.UploadAssetsAsync(request, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
