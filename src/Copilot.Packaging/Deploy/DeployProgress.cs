namespace Copilot.Packaging.Deploy;

/// <summary>
/// Where the deploy engine reports the state of the stack operation it watches. The host renders it: a live view on
/// a terminal, timestamped lines otherwise. Calls come from one task, in order.
/// </summary>
public interface IDeployProgress
{
    /// <summary>The change set was executed and the engine starts watching: every row, none started yet.</summary>
    void Started(DeploySnapshot snapshot);

    /// <summary>New stack events: <paramref name="changed"/> holds the state of a row after each of them, in event order.</summary>
    void Changed(DeploySnapshot snapshot, IReadOnlyList<ResourceProgress> changed);

    /// <summary>Time passed without new events (for a live view's elapsed times).</summary>
    void Tick(DeploySnapshot snapshot);

    /// <summary>The stack reached its final status (or watching stopped): the last snapshot.</summary>
    void Finished(DeploySnapshot snapshot);
}

/// <summary>A progress sink that ignores everything (for <c>--detach</c> and library callers that do not care).</summary>
internal sealed class NullDeployProgress : IDeployProgress
{
    /// <summary>The shared instance.</summary>
    public static readonly NullDeployProgress Instance = new();

    /// <inheritdoc />
    public void Started(DeploySnapshot snapshot)
    {
    }

    /// <inheritdoc />
    public void Changed(DeploySnapshot snapshot, IReadOnlyList<ResourceProgress> changed)
    {
    }

    /// <inheritdoc />
    public void Tick(DeploySnapshot snapshot)
    {
    }

    /// <inheritdoc />
    public void Finished(DeploySnapshot snapshot)
    {
    }
}

/// <summary>The state of the whole operation at one moment.</summary>
/// <param name="Title">For example <c>Creating the infrastructure for stack my-app-test-report</c>.</param>
/// <param name="Stack">The stack's own row.</param>
/// <param name="Resources">One row per resource with a description, in the change set's order.</param>
/// <param name="Now">The engine's clock at this moment, for the elapsed time of rows still in progress.</param>
public sealed record DeploySnapshot(string Title, ResourceProgress Stack, IReadOnlyList<ResourceProgress> Resources, DateTimeOffset Now);

/// <summary>One row: a resource (or the stack itself) and what its events said so far.</summary>
/// <param name="LogicalId">The logical ID (the stack name for the stack row).</param>
/// <param name="Description">What it is, from the template's <c>aws:copilot:description</c> (or the title for the stack row).</param>
/// <param name="ResourceType">The resource type.</param>
public sealed record ResourceProgress(string LogicalId, string Description, string ResourceType)
{
    /// <summary>The latest status; null before any event.</summary>
    public string? Status { get; init; }

    /// <summary>When its first in-progress event happened.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final status.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The time of the latest event.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>True once any of its events was a failure.</summary>
    public bool Failed { get; init; }

    /// <summary>The reasons of its failure events, oldest first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>True once its latest status is not an in-progress one.</summary>
    public bool IsDone => Status is not null && !StackStatuses.IsInProgress(Status);

    /// <summary>How long it has taken: to its end, or to <paramref name="now"/> while in progress; null before it started.</summary>
    public TimeSpan? Elapsed(DateTimeOffset now)
    {
        if (Status is null)
        {
            return null;
        }

        var start = StartedAt ?? UpdatedAt ?? now;
        var end = EndedAt ?? now;
        var elapsed = end - start;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    /// <summary>This row after <paramref name="stackEvent"/>.</summary>
    internal ResourceProgress Apply(StackEvent stackEvent)
    {
        var inProgress = StackStatuses.IsInProgress(stackEvent.Status);
        var failure = StackStatuses.IsFailure(stackEvent.Status);
        var startedAt = inProgress ? (StartedAt is not null && EndedAt is null ? StartedAt : stackEvent.Timestamp) : StartedAt ?? stackEvent.Timestamp;
        return this with
        {
            Status = stackEvent.Status,
            StartedAt = startedAt,
            EndedAt = inProgress ? null : stackEvent.Timestamp,
            UpdatedAt = stackEvent.Timestamp,
            Failed = Failed || failure,
            Reasons = failure && !string.IsNullOrWhiteSpace(stackEvent.Reason) ? [.. Reasons, stackEvent.Reason!] : Reasons,
        };
    }
}
