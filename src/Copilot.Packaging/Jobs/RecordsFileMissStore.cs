using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The records of an application or environment the workspace records file lacks, looked up in AWS only when AWS is
/// configured. Every failure names the records file's fact first: when AWS is not configured (or there is no AWS
/// access), that fact and the reason; when AWS was asked and failed, both in one error.
/// </summary>
internal sealed class RecordsFileMissStore(RecordsFileMiss miss, Func<IRecordStore>? awsRecordStoreFactory, IPackagingReporter reporter) : IRecordStore
{
    private IRecordStore? _aws;
    private int _calls;

    /// <inheritdoc />
    public string Source => _aws?.Source ?? "AWS";

    /// <inheritdoc />
    public Task<bool> HasEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        AskAsync(store => store.HasEnvironmentAsync(app, env, cancellationToken));

    /// <inheritdoc />
    public Task<ApplicationRecord> GetApplicationAsync(string app, CancellationToken cancellationToken) =>
        AskAsync(store => store.GetApplicationAsync(app, cancellationToken));

    /// <inheritdoc />
    public Task<EnvironmentRecord> GetEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        AskAsync(store => store.GetEnvironmentAsync(app, env, cancellationToken));

    /// <inheritdoc />
    public Task<EnvironmentRecord> LocateEnvironmentAsync(string app, string env, CancellationToken cancellationToken) =>
        AskAsync(store => store.LocateEnvironmentAsync(app, env, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListEnvironmentsAsync(string app, CancellationToken cancellationToken) =>
        AskAsync(store => store.ListEnvironmentsAsync(app, cancellationToken));

    /// <inheritdoc />
    public Task<RegionalResources> GetRegionalResourcesAsync(ApplicationRecord app, string region, CancellationToken cancellationToken) =>
        AskAsync(store => store.GetRegionalResourcesAsync(app, region, cancellationToken));

    private async Task<T> AskAsync<T>(Func<IRecordStore, Task<T>> call)
    {
        var first = Interlocked.Increment(ref _calls) == 1;
        if (awsRecordStoreFactory is null)
        {
            throw miss.NotAskedInAws("this run has no AWS access", null, null);
        }

        try
        {
            var result = await call(LazyInitializer.EnsureInitialized(ref _aws, awsRecordStoreFactory)).ConfigureAwait(false);

            // The notice follows the first call made, as a sequential run would show it: reads made concurrently
            // after it neither announce early nor (when the first one failed) after the error.
            if (first)
            {
                reporter.Info($"{miss.Fact}; reading it from {Source}.");
            }

            return result;
        }
        catch (CopilotJobException ex) when (ex.Code == CopilotJobErrorCode.AwsNotConfigured)
        {
            throw miss.NotAskedInAws(ex.Message, ex.Recommendation, ex);
        }
        catch (CopilotJobException ex) when (ex is not DiffUnavailableException)
        {
            throw miss.NotFoundInAws(ex);
        }
    }
}
