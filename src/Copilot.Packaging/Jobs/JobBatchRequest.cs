using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// One <c>package</c> run over several jobs and environments (<c>-n a -n b -e test -e prod</c>, <c>--all</c>): every job
/// named times every environment named, packaged concurrently. With <see cref="PackageMode.WriteFiles"/> every pair's
/// <c>&lt;job&gt;-&lt;env&gt;.*</c> files are written together, and only when every pair succeeded; with
/// <see cref="PackageMode.Diff"/> each pair gets its own diff; <see cref="PackageMode.Print"/> takes one pair only.
/// </summary>
public sealed record JobBatchRequest
{
    /// <summary>The directory the search for <c>copilot/</c> starts from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The jobs, in order; null for every job of the workspace.</summary>
    public IReadOnlyList<string>? JobNames { get; init; }

    /// <summary>The environments, in order; null for every environment the records know (the records file's, else AWS's).</summary>
    public IReadOnlyList<string>? EnvironmentNames { get; init; }

    /// <summary>The application; null for the one in <c>copilot/.workspace</c>.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>Write files or diff (printing takes a single pair).</summary>
    public required PackageMode Mode { get; init; }

    /// <summary>Skip the downgrade check (<c>--allow-downgrade</c>).</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Treat unknown manifest keys as errors (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>As <see cref="JobPackageRequest.AllowedOutsideWorkspace"/>.</summary>
    public IReadOnlyList<string> AllowedOutsideWorkspace { get; init; } = [];

    /// <summary>How many pairs are packaged at once; 0 for twice the processor count (at least 2).</summary>
    public int MaxParallelism { get; init; }
}

/// <summary>What a batch produced: each pair's result, or why it failed.</summary>
public sealed record JobBatchResult
{
    /// <summary>The pairs that succeeded, in pair order (jobs in the order given, each with its environments in order).</summary>
    public IReadOnlyList<PackageResult> Results { get; init; } = [];

    /// <summary>The pairs that failed, in pair order. With any, no file was written.</summary>
    public IReadOnlyList<JobBatchFailure> Failures { get; init; } = [];

    /// <summary>Every file of <see cref="PackageMode.WriteFiles"/>, in write order; each now holds this run's output.</summary>
    public IReadOnlyList<string> WrittenFiles { get; init; } = [];

    /// <summary>Those of <see cref="WrittenFiles"/> that already held this run's output and were left as they were.</summary>
    public IReadOnlyList<string> UnchangedFiles { get; init; } = [];
}

/// <summary>A pair that failed and its error (one error object may be shared by the pairs of an environment whose records failed).</summary>
/// <param name="JobName">The job.</param>
/// <param name="EnvironmentName">The environment.</param>
/// <param name="Error">What went wrong, located as in a single run.</param>
public sealed record JobBatchFailure(string JobName, string EnvironmentName, CopilotJobException Error);
