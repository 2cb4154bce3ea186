using System.Collections.Concurrent;
using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Workspace;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>The records a job is packaged with, and whether they were read from AWS (then the deployed stack is checked).</summary>
internal sealed record JobRecords(ApplicationRecord Application, EnvironmentRecord Environment, RegionalResources Regional, bool FromAws);

/// <summary>The reads of one environment's records, started together (see <see cref="JobRecordsReader"/>).</summary>
/// <param name="FromAws">The records come from AWS (known before any of them is read).</param>
/// <param name="Located">The environment record as far as its region and roles (<see cref="IRecordStore.LocateEnvironmentAsync"/>).</param>
/// <param name="Records">All the records.</param>
internal sealed record JobRecordsRead(bool FromAws, Task<EnvironmentRecord> Located, Task<JobRecords> Records);

/// <summary>
/// Reads records in waves and once per environment: the workspace records file once, and for each environment the
/// application record, the environment record and the regional resources started together, so that from AWS they take
/// three sequential round trips (SSM records; the manager role and the StackSet instance list; the environment stack
/// and the instance stack) however many are made. A batch shares one reader, so each application and environment is
/// read once for all its jobs.
/// </summary>
internal sealed class JobRecordsReader(IFileSystem fileSystem, AwsPorts? aws, IPackagingReporter reporter)
{
    private readonly RecordStoreResolver _resolver = new(fileSystem, aws is null ? null : aws.RecordStore, reporter);
    private readonly ConcurrentDictionary<string, Lazy<WorkspaceRecordStore?>> _workspaceRecords = new(StringComparer.Ordinal);
    // Keyed by a record class, not a value tuple: a dictionary over a reference type runs on the framework's shared
    // precompiled code, one over a tuple of strings is compiled at start-up by the framework-dependent tool.
    private readonly ConcurrentDictionary<ReadKey, Lazy<Task<JobRecordsRead>>> _reads = new();

    /// <summary>Starts (or joins) the reads of <paramref name="env"/>'s records.</summary>
    /// <exception cref="CopilotJobException">The records file is invalid, or the environment name is not a copilot name.</exception>
    public Task<JobRecordsRead> StartAsync(CopilotWorkspace workspace, string app, string env, CancellationToken cancellationToken) =>
        _reads.GetOrAdd(new ReadKey(workspace.CopilotDirectory, app, env), key => new Lazy<Task<JobRecordsRead>>(() => StartOnceAsync(workspace, key.App, key.Env, cancellationToken))).Value;

    private async Task<JobRecordsRead> StartOnceAsync(CopilotWorkspace workspace, string app, string env, CancellationToken cancellationToken)
    {
        var workspaceRecords = _workspaceRecords.GetOrAdd(workspace.CopilotDirectory, _ => new Lazy<WorkspaceRecordStore?>(() => _resolver.ReadWorkspaceRecords(workspace))).Value;
        CopilotNames.Ensure("environment", env, source: null);
        var store = await _resolver.ForEnvironmentAsync(workspaceRecords, app, env, cancellationToken);
        var fromAws = !ReferenceEquals(store, workspaceRecords);

        // Started together (in the order a sequential read makes them), awaited in the order it would fail in.
        var applicationRead = Observed(Start(() => store.GetApplicationAsync(app, cancellationToken)));
        var located = Observed(Classified(fromAws, () => store.LocateEnvironmentAsync(app, env, cancellationToken)));
        return new JobRecordsRead(fromAws, located, ReadAsync(store, fromAws, applicationRead, located, app, env, cancellationToken));
    }

    private async Task<JobRecords> ReadAsync(
        IRecordStore store, bool fromAws, Task<ApplicationRecord> applicationRead, Task<EnvironmentRecord> located, string app, string env, CancellationToken cancellationToken)
    {
        try
        {
            var environmentRead = Observed(Start(() => store.GetEnvironmentAsync(app, env, cancellationToken)));
            var regionalRead = Observed(RegionalAsync(store, applicationRead, located, cancellationToken));
            var application = await applicationRead;
            var environment = await environmentRead;
            CopilotNames.Ensure("application", application.Name, store.Source);
            CopilotNames.Ensure("environment", environment.Name, store.Source);
            var regional = await regionalRead;
            reporter.Info($"Using records for environment {env} from {store.Source}.");
            return new JobRecords(application, environment, regional, fromAws);
        }
        catch (CopilotJobException ex) when (fromAws)
        {
            ex.Classify(CopilotJobErrorCode.AwsRead);
            throw;
        }
    }

    // The regional resources need the application's account and the environment's region, both known after the first wave.
    private static async Task<RegionalResources> RegionalAsync(IRecordStore store, Task<ApplicationRecord> application, Task<EnvironmentRecord> located, CancellationToken cancellationToken)
    {
        var app = await application;
        var environment = await located;
        return await store.GetRegionalResourcesAsync(app, environment.Region, cancellationToken);
    }

    // A read that throws before it returns a task fails the task instead, so that it is awaited in its turn.
    private static async Task<T> Start<T>(Func<Task<T>> read) => await read();

    private static async Task<EnvironmentRecord> Classified(bool fromAws, Func<Task<EnvironmentRecord>> read)
    {
        try
        {
            return await read();
        }
        catch (CopilotJobException ex) when (fromAws)
        {
            ex.Classify(CopilotJobErrorCode.AwsRead);
            throw;
        }
    }

    /// <summary>
    /// Marks a read's failure as seen: when an earlier read already failed the run, a later one's failure is not an
    /// error of its own (it is awaited where the run would have reached it).
    /// </summary>
    internal static Task<T> Observed<T>(Task<T> task)
    {
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private sealed record ReadKey(string Directory, string App, string Env);
}
