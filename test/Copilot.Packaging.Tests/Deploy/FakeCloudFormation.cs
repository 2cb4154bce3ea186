using Copilot.Packaging.Deploy;

namespace Copilot.Packaging.Tests.Deploy;

/// <summary>
/// A scripted CloudFormation for the deploy engine: one stack whose state the test sets, change-set answers the test
/// queues, and stack events released one batch per DescribeStackEvents call after execution. Every call is recorded.
/// </summary>
internal sealed class FakeCloudFormation : IStackDeployer
{
    public const string StackId = "arn:aws:cloudformation:us-west-2:123456789012:stack/my-app-test-job/1";
    public const string ChangeSetId = "arn:aws:cloudformation:us-west-2:123456789012:changeSet/copilot-1/1";

    public static readonly DateTimeOffset CreatedAt = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    public List<string> Calls { get; } = [];

    public StackState? Stack { get; set; }

    public ChangeSetRequest? Created { get; private set; }

    public bool? ExecutedWithDisableRollback { get; private set; }

    /// <summary>DescribeChangeSet answers, in order; the last one repeats.</summary>
    public Queue<ChangeSetDescription> ChangeSetAnswers { get; } = new();

    /// <summary>Events already in the stack's history before this deploy (newest last).</summary>
    public List<StackEvent> History { get; } = [];

    /// <summary>Event batches released by DescribeStackEvents calls after execution (oldest first within a batch).</summary>
    public Queue<IReadOnlyList<StackEvent>> Batches { get; } = new();

    /// <summary>The stack's state once every batch was released.</summary>
    public StackState? FinalState { get; set; }

    /// <summary>Errors to throw from DescribeStackEvents before answering (for example throttling).</summary>
    public Queue<StackOperationException> EventErrors { get; } = new();

    public StackOperationException? ExecuteError { get; set; }

    /// <summary>Called on every DescribeStackEvents (for example to press Ctrl+C).</summary>
    public Action<int>? OnEvents { get; set; }

    /// <summary>The state after DeleteStack (null: gone at once).</summary>
    public StackState? AfterDelete { get; set; }

    /// <summary>The state after CancelUpdateStack.</summary>
    public StackState? AfterCancel { get; set; }

    private int eventCalls;

    public static ChangeSetDescription Ready(params ResourceChange[] changes) => new("CREATE_COMPLETE", "AVAILABLE", null, CreatedAt, changes);

    public static StackEvent Event(string logicalId, string status, int second, string? reason = null, string type = "AWS::Logs::LogGroup") =>
        new(Guid.NewGuid().ToString(), logicalId, logicalId == "my-app-test-job" ? StackId : $"{logicalId}-physical", logicalId == "my-app-test-job" ? "AWS::CloudFormation::Stack" : type, CreatedAt.AddSeconds(second), status, reason);

    public Task<StackState?> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DescribeStacks");
        return Task.FromResult(Stack);
    }

    public Task<ChangeSetCreated> CreateChangeSetAsync(ChangeSetRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"CreateChangeSet {request.Type}");
        Created = request;
        if (request.Type == ChangeSetType.Create)
        {
            Stack = new StackState(StackId, request.StackName, "REVIEW_IN_PROGRESS");
        }

        return Task.FromResult(new ChangeSetCreated(ChangeSetId, StackId));
    }

    public Task<ChangeSetDescription> DescribeChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DescribeChangeSet");
        var answer = ChangeSetAnswers.Count > 1 ? ChangeSetAnswers.Dequeue() : ChangeSetAnswers.Peek();
        return Task.FromResult(answer);
    }

    public Task ExecuteChangeSetAsync(string changeSetId, string stackName, bool disableRollback, CancellationToken cancellationToken)
    {
        Calls.Add("ExecuteChangeSet");
        ExecutedWithDisableRollback = disableRollback;
        if (ExecuteError is not null)
        {
            throw ExecuteError;
        }

        Stack = Stack is null ? null : Stack with { Status = Created!.Type == ChangeSetType.Create ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS" };
        return Task.CompletedTask;
    }

    public Task DeleteChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DeleteChangeSet");
        return Task.CompletedTask;
    }

    public Task<StackEventPage> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken)
    {
        Calls.Add(nextToken is null ? "DescribeStackEvents" : "DescribeStackEvents page 2");
        if (nextToken is not null)
        {
            return Task.FromResult(new StackEventPage([.. Enumerable.Reverse(History).Skip(2)], null));
        }

        OnEvents?.Invoke(++eventCalls);
        cancellationToken.ThrowIfCancellationRequested();
        if (EventErrors.Count > 0)
        {
            throw EventErrors.Dequeue();
        }

        if (Batches.Count > 0)
        {
            History.AddRange(Batches.Dequeue());
            if (Batches.Count == 0 && FinalState is not null)
            {
                Stack = FinalState;
            }
        }

        // Two pages, newest first, to exercise paging.
        var newestFirst = Enumerable.Reverse(History).ToList();
        return Task.FromResult(newestFirst.Count > 2 ? new StackEventPage([.. newestFirst.Take(2)], "page-2") : new StackEventPage(newestFirst, null));
    }

    public Task DeleteStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DeleteStack");
        Stack = AfterDelete;
        return Task.CompletedTask;
    }

    public Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("CancelUpdateStack");
        Stack = AfterCancel;
        return Task.CompletedTask;
    }
}

/// <summary>A clock whose delays complete at once and move it forward; records every delay asked for.</summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = FakeCloudFormation.CreatedAt;

    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                now += dueTime;
                Delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Records what the engine reported.</summary>
internal sealed class RecordingProgress : IDeployProgress
{
    public List<string> Lines { get; } = [];

    public DeploySnapshot? Last { get; private set; }

    public void Started(DeploySnapshot snapshot)
    {
        Last = snapshot;
        Lines.Add($"started {snapshot.Title}: {string.Join(", ", snapshot.Resources.Select(r => r.LogicalId))}");
    }

    public void Changed(DeploySnapshot snapshot, IReadOnlyList<ResourceProgress> changed)
    {
        Last = snapshot;
        Lines.AddRange(changed.Select(r => $"{r.LogicalId} {r.Status}"));
    }

    public void Tick(DeploySnapshot snapshot) => Last = snapshot;

    public void Finished(DeploySnapshot snapshot)
    {
        Last = snapshot;
        Lines.Add("finished");
    }
}
