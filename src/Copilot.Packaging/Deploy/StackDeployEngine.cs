using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Deploy;

/// <summary>
/// Deploys one stack the way copilot did: CREATE or UPDATE change set by the stack's state (a failed creation is
/// deleted and re-created; a busy stack is refused), "no changes" by copilot's rule, execution, and the stack's events
/// watched with back-off until the stack's own final event. Ctrl+C while the operation runs deletes a creation and
/// cancels an update. Delays come from the injected <see cref="TimeProvider"/>, so tests run instantly.
/// </summary>
internal sealed class StackDeployEngine
{

    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(90);
    private static readonly TimeSpan ChangeSetPollMax = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EventPollMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan EventPollMax = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ThrottledPollMax = TimeSpan.FromSeconds(32);

    private readonly IStackDeployer cloudFormation;
    private readonly IPackagingReporter reporter;
    private readonly TimeProvider clock;
    private readonly Func<string> changeSetNames;

    /// <summary>Creates an engine.</summary>
    /// <param name="cloudFormation">The CloudFormation calls.</param>
    /// <param name="reporter">Where one-line notices go (proposing changes, deleting a failed stack, cancelling).</param>
    /// <param name="clock">Delays and the "now" of elapsed times; the system clock by default.</param>
    /// <param name="changeSetNames">Makes change set names; <c>copilot-&lt;uuid&gt;</c> by default.</param>
    public StackDeployEngine(IStackDeployer cloudFormation, IPackagingReporter reporter, TimeProvider? clock = null, Func<string>? changeSetNames = null)
    {
        ArgumentNullException.ThrowIfNull(cloudFormation);
        ArgumentNullException.ThrowIfNull(reporter);
        this.cloudFormation = cloudFormation;
        this.reporter = reporter;
        this.clock = clock ?? TimeProvider.System;
        this.changeSetNames = changeSetNames ?? (() => "copilot-" + Guid.NewGuid().ToString("D"));
    }

    /// <summary>Deploys <paramref name="request"/>, reporting the operation to <paramref name="progress"/>.</summary>
    /// <exception cref="CopilotJobException">The stack is busy, a call failed, or the change set failed for a reason other than "no changes".</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the change set was executed (a proposed change set is deleted first).</exception>
    public async Task<StackDeployResult> DeployAsync(StackDeployRequest request, IDeployProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var stack = request.StackName;
        var type = await DecideAsync(stack, cancellationToken).ConfigureAwait(false);

        var name = changeSetNames();
        reporter.Info($"Proposing infrastructure changes for stack {stack}");
        ChangeSetCreated created;
        try
        {
            created = await cloudFormation.CreateChangeSetAsync(
                new ChangeSetRequest
                {
                    StackName = stack,
                    ChangeSetName = name,
                    Type = type,
                    TemplateUrl = request.TemplateUrl,
                    Parameters = request.Parameters,
                    Tags = [.. request.Tags.OrderBy(t => t.Key, StringComparer.Ordinal)],
                    RoleArn = string.IsNullOrEmpty(request.RoleArn) ? null : request.RoleArn,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StackOperationException ex)
        {
            throw new CopilotJobException($"create change set {name} for stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }

        ChangeSetDescription description;
        try
        {
            description = await WaitForChangeSetAsync(created.Id, stack, name, cancellationToken).ConfigureAwait(false);
            if (description.Status == "FAILED")
            {
                return await ConcludeFailedChangeSetAsync(stack, type, created.Id, name, description, cancellationToken).ConfigureAwait(false);
            }

            if (description.ExecutionStatus != "AVAILABLE")
            {
                throw new CopilotJobException(
                    $"cannot execute change set {name} for stack {stack}: its execution status is {description.ExecutionStatus}{(string.IsNullOrEmpty(description.StatusReason) ? string.Empty : $" ({description.StatusReason})")}");
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DiscardChangeSetAsync(stack, type, created.Id).ConfigureAwait(false);
            throw;
        }

        try
        {
            await cloudFormation.ExecuteChangeSetAsync(created.Id, stack, request.DisableRollback, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StackOperationException ex)
        {
            // Nothing ran: for a CREATE set, the empty REVIEW_IN_PROGRESS stack would block the next deploy, so it goes too.
            await DiscardChangeSetAsync(stack, type, created.Id).ConfigureAwait(false);
            throw new CopilotJobException(
                $"execute change set {name} for stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}",
                recommendation: "Fix the template (or the overrides, addons and parameters it is made from) and deploy again.",
                innerException: ex);
        }

        if (request.Detach)
        {
            return new StackDeployResult { Outcome = StackDeployOutcome.Detached, StackName = stack, Type = type, ChangeSetId = created.Id };
        }

        var title = type == ChangeSetType.Create ? $"Creating the infrastructure for stack {stack}" : $"Updating the infrastructure for stack {stack}";
        var rows = new DeployRows(title, stack, description.Changes, request.ResourceDescriptions);
        var start = description.CreationTime ?? clock.GetUtcNow();
        try
        {
            await WatchAsync(stack, start, rows, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            progress.Finished(rows.Snapshot(clock.GetUtcNow()));
            return await CancelOperationAsync(stack, type, created.Id).ConfigureAwait(false);
        }

        progress.Finished(rows.Snapshot(clock.GetUtcNow()));
        var final = await DescribeAsync(stack, cancellationToken).ConfigureAwait(false);
        var status = final?.Status ?? "DELETE_COMPLETE";
        var failed = StackStatuses.IsFailure(status) || (type == ChangeSetType.Create && status == "DELETE_COMPLETE");
        return new StackDeployResult
        {
            Outcome = failed ? StackDeployOutcome.Failed : StackDeployOutcome.Succeeded,
            StackName = stack,
            Type = type,
            ChangeSetId = created.Id,
            FinalStatus = status,
            Failures = failed ? rows.Failures : [],
        };
    }

    // copilot's decision table: absent → CREATE; failed creation → delete, then CREATE; busy → refuse; else UPDATE.
    private async Task<ChangeSetType> DecideAsync(string stack, CancellationToken cancellationToken)
    {
        var existing = await DescribeAsync(stack, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Status == "DELETE_COMPLETE")
        {
            return ChangeSetType.Create;
        }

        if (StackStatuses.NeedsRecreate(existing.Status))
        {
            reporter.Info($"Stack {stack} is in {existing.Status} after a failed creation: deleting it so that it can be created again.");
            await DeleteAndWaitAsync(stack, cancellationToken).ConfigureAwait(false);
            reporter.Info($"Deleted stack {stack}.");
            return ChangeSetType.Create;
        }

        if (StackStatuses.IsInProgress(existing.Status))
        {
            throw new CopilotJobException(
                $"stack {stack} is {existing.Status} and cannot be deployed to until that finishes",
                recommendation: StackStatuses.WaitAdvice(stack, existing.Status));
        }

        return ChangeSetType.Update;
    }

    private async Task<ChangeSetDescription> WaitForChangeSetAsync(string changeSetId, string stack, string name, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + MaxWait;
        var attempt = 0;
        while (true)
        {
            ChangeSetDescription description;
            try
            {
                description = await cloudFormation.DescribeChangeSetAsync(changeSetId, stack, cancellationToken).ConfigureAwait(false);
            }
            catch (StackOperationException ex) when (ex.IsThrottling)
            {
                description = new ChangeSetDescription("CREATE_PENDING", string.Empty, null, null, []);
            }
            catch (StackOperationException ex)
            {
                throw new CopilotJobException($"describe change set {name} for stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
            }

            if (description.Status is "CREATE_COMPLETE" or "FAILED")
            {
                return description;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new CopilotJobException($"change set {name} for stack {stack} was not ready after {MaxWait.TotalMinutes:0} minutes (status {description.Status})");
            }

            attempt++;
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, ChangeSetPollMax.TotalSeconds)), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StackDeployResult> ConcludeFailedChangeSetAsync(
        string stack, ChangeSetType type, string changeSetId, string name, ChangeSetDescription description, CancellationToken cancellationToken)
    {
        var reason = description.StatusReason ?? string.Empty;
        if (description.ChangesNothing)
        {
            await TryAsync(() => cloudFormation.DeleteChangeSetAsync(changeSetId, stack, CancellationToken.None)).ConfigureAwait(false);
            return new StackDeployResult { Outcome = StackDeployOutcome.NoChanges, StackName = stack, Type = type, ChangeSetId = changeSetId };
        }

        // A failed CREATE set leaves an empty stack in REVIEW_IN_PROGRESS that would block every later deploy: remove it.
        await DiscardChangeSetAsync(stack, type, changeSetId).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        throw new CopilotJobException(
            $"change set {name} for stack {stack} failed: {(reason.Length == 0 ? "CloudFormation gave no reason" : reason)}",
            recommendation: "Fix the template (or the overrides, addons and parameters it is made from) and deploy again.");
    }

    // Removes a change set that will not be executed; for a CREATE set also the empty REVIEW_IN_PROGRESS stack.
    private async Task DiscardChangeSetAsync(string stack, ChangeSetType type, string changeSetId)
    {
        await TryAsync(() => cloudFormation.DeleteChangeSetAsync(changeSetId, stack, CancellationToken.None)).ConfigureAwait(false);
        if (type == ChangeSetType.Create)
        {
            var state = await TryAsync(() => cloudFormation.DescribeStackAsync(stack, CancellationToken.None)).ConfigureAwait(false);
            if (state?.Status == "REVIEW_IN_PROGRESS")
            {
                await TryAsync(() => cloudFormation.DeleteStackAsync(stack, CancellationToken.None)).ConfigureAwait(false);
            }
        }
    }

    // Pages new events (newest first) back to the start time or the first one already seen, applies them oldest first,
    // and stops at the stack's own event with a final status. Polls after 1 s, then up to 4 s; throttling doubles the wait up to 32 s.
    private async Task WatchAsync(string stack, DateTimeOffset start, DeployRows rows, IDeployProgress progress, CancellationToken cancellationToken)
    {
        progress.Started(rows.Snapshot(clock.GetUtcNow()));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var deadline = clock.GetUtcNow() + MaxWait;
        var delay = EventPollMin;
        while (true)
        {
            List<StackEvent> fresh;
            try
            {
                fresh = await ReadNewEventsAsync(stack, start, seen, cancellationToken).ConfigureAwait(false);
                delay = delay >= EventPollMax ? EventPollMax : delay + EventPollMin;
            }
            catch (StackOperationException ex) when (ex.IsThrottling)
            {
                fresh = [];
                delay = delay * 2 > ThrottledPollMax ? ThrottledPollMax : delay * 2;
            }
            catch (StackOperationException ex)
            {
                throw new CopilotJobException($"describe stack events of stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
            }

            var changed = rows.Apply(fresh);
            var snapshot = rows.Snapshot(clock.GetUtcNow());
            if (changed.Count > 0)
            {
                progress.Changed(snapshot, changed);
            }
            else
            {
                progress.Tick(snapshot);
            }

            if (fresh.Any(e => e.LogicalId == stack && !StackStatuses.IsInProgress(e.Status)))
            {
                return;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                throw new CopilotJobException(
                    $"stack {stack} did not finish within {MaxWait.TotalMinutes:0} minutes",
                    recommendation: $"Follow it in the CloudFormation console or with `aws cloudformation describe-stack-events --stack-name {stack}`.");
            }

            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<StackEvent>> ReadNewEventsAsync(string stack, DateTimeOffset start, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var fresh = new List<StackEvent>();
        string? token = null;
        do
        {
            var page = await cloudFormation.DescribeStackEventsAsync(stack, token, cancellationToken).ConfigureAwait(false);
            foreach (var stackEvent in page.Events)
            {
                if (stackEvent.Timestamp < start || !seen.Add(stackEvent.EventId))
                {
                    fresh.Reverse();
                    return fresh;
                }

                fresh.Add(stackEvent);
            }

            token = page.NextToken;
        }
        while (token is not null);

        fresh.Reverse();
        return fresh;
    }

    // Ctrl+C while the operation runs: delete a stack being created, cancel an update (CloudFormation rolls it back).
    private async Task<StackDeployResult> CancelOperationAsync(string stack, ChangeSetType type, string changeSetId)
    {
        using var cleanup = new CancellationTokenSource(MaxWait, clock);
        var state = await DescribeAsync(stack, cleanup.Token).ConfigureAwait(false);
        var status = state?.Status ?? "DELETE_COMPLETE";
        if (status == "CREATE_IN_PROGRESS" || (type == ChangeSetType.Create && status is "REVIEW_IN_PROGRESS"))
        {
            reporter.Info($"Cancelled: deleting stack {stack}, which was being created.");
            await DeleteAndWaitAsync(stack, cleanup.Token).ConfigureAwait(false);
            reporter.Info($"Deleted stack {stack}.");
            status = "DELETE_COMPLETE";
        }
        else if (status == "UPDATE_IN_PROGRESS")
        {
            reporter.Info($"Cancelled: cancelling the update of stack {stack}; CloudFormation rolls it back to the previous configuration.");
            try
            {
                await cloudFormation.CancelUpdateStackAsync(stack, cleanup.Token).ConfigureAwait(false);
            }
            catch (StackOperationException ex) when (ex.Kind == StackFailureKind.NothingToCancel)
            {
                // The update finished meanwhile: nothing to cancel.
            }
            catch (StackOperationException ex)
            {
                throw new CopilotJobException($"cancel the update of stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
            }

            status = await WaitUntilSettledAsync(stack, cleanup.Token).ConfigureAwait(false);
            if (status != "UPDATE_ROLLBACK_COMPLETE" && status != "UPDATE_COMPLETE")
            {
                throw new CopilotJobException(
                    $"stack {stack} did not roll back successfully after the cancel and is {status}",
                    recommendation: $"Look at its events in the CloudFormation console or with `aws cloudformation describe-stack-events --stack-name {stack}`.");
            }

            reporter.Info(status == "UPDATE_COMPLETE"
                ? $"The update of stack {stack} had already finished when it was cancelled."
                : $"Stack {stack} was rolled back to its previous configuration.");
        }
        else
        {
            reporter.Info($"Cancelled: stack {stack} is {status}; nothing to undo.");
        }

        return new StackDeployResult { Outcome = StackDeployOutcome.Cancelled, StackName = stack, Type = type, ChangeSetId = changeSetId, FinalStatus = status };
    }

    private async Task DeleteAndWaitAsync(string stack, CancellationToken cancellationToken)
    {
        try
        {
            await cloudFormation.DeleteStackAsync(stack, cancellationToken).ConfigureAwait(false);
        }
        catch (StackOperationException ex) when (ex.IsNotFound)
        {
            return;
        }
        catch (StackOperationException ex)
        {
            throw new CopilotJobException($"delete stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }

        var status = await WaitUntilSettledAsync(stack, cancellationToken).ConfigureAwait(false);
        if (status != "DELETE_COMPLETE")
        {
            throw new CopilotJobException(
                $"stack {stack} could not be deleted: it is {status}",
                recommendation: $"Look at its events (`aws cloudformation describe-stack-events --stack-name {stack}`), fix what blocks the deletion, delete it, then deploy again.");
        }
    }

    // Polls DescribeStacks until the stack is gone or no longer in progress; returns the status (DELETE_COMPLETE when gone).
    private async Task<string> WaitUntilSettledAsync(string stack, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + MaxWait;
        var attempt = 0;
        while (true)
        {
            var state = await DescribeAsync(stack, cancellationToken).ConfigureAwait(false);
            if (state is null || !StackStatuses.IsInProgress(state.Status))
            {
                return state?.Status ?? "DELETE_COMPLETE";
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return state.Status;
            }

            attempt++;
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, ChangeSetPollMax.TotalSeconds)), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StackState?> DescribeAsync(string stack, CancellationToken cancellationToken)
    {
        try
        {
            return await cloudFormation.DescribeStackAsync(stack, cancellationToken).ConfigureAwait(false);
        }
        catch (StackOperationException ex)
        {
            throw new CopilotJobException($"describe stack {stack}: {ex.ErrorCode}: {ex.ServiceMessage}", innerException: ex);
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (StackOperationException)
        {
            // Best effort: copilot ignores these errors too (for example the per-stack limit on failed change sets).
        }
    }

    private static async Task<T?> TryAsync<T>(Func<Task<T?>> action)
        where T : class
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (StackOperationException)
        {
            return null;
        }
    }
}
