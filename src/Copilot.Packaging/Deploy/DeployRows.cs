namespace Copilot.Packaging.Deploy;

/// <summary>
/// The progress model of one operation: the stack's row, one row per changed resource that has a description (in the
/// change set's order, as copilot shows them), and every failure of this operation's events.
/// </summary>
internal sealed class DeployRows
{
    private readonly string title;
    private readonly string stackName;
    private readonly List<ResourceProgress> resources = [];
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<ResourceFailure> failures = [];
    private ResourceProgress stack;

    public DeployRows(string title, string stackName, IReadOnlyList<ResourceChange> changes, IReadOnlyDictionary<string, string> descriptions)
    {
        this.title = title;
        this.stackName = stackName;
        stack = new ResourceProgress(stackName, title, "AWS::CloudFormation::Stack");
        foreach (var change in changes)
        {
            if (descriptions.TryGetValue(change.LogicalId, out var description) && !index.ContainsKey(change.LogicalId))
            {
                index[change.LogicalId] = resources.Count;
                resources.Add(new ResourceProgress(change.LogicalId, description, change.ResourceType));
            }
        }
    }

    /// <summary>The failures of this operation, oldest first. The stack's own summary reason is kept only when no resource said more.</summary>
    public IReadOnlyList<ResourceFailure> Failures =>
        failures.Any(f => f.LogicalId != stackName) ? [.. failures.Where(f => f.LogicalId != stackName)] : failures;

    /// <summary>Applies events (oldest first); returns each shown row's state after each of its events, in event order.</summary>
    public IReadOnlyList<ResourceProgress> Apply(IReadOnlyList<StackEvent> events)
    {
        var changed = new List<ResourceProgress>();
        foreach (var stackEvent in events)
        {
            if (StackStatuses.IsFailure(stackEvent.Status) && !string.IsNullOrWhiteSpace(stackEvent.Reason))
            {
                failures.Add(new ResourceFailure(stackEvent.LogicalId, stackEvent.ResourceType, stackEvent.Status, stackEvent.Reason!));
            }

            if (stackEvent.LogicalId == stackName)
            {
                stack = stack.Apply(stackEvent);
                changed.Add(stack);
            }
            else if (index.TryGetValue(stackEvent.LogicalId, out var i))
            {
                resources[i] = resources[i].Apply(stackEvent);
                changed.Add(resources[i]);
            }
        }

        return changed;
    }

    public DeploySnapshot Snapshot(DateTimeOffset now) => new(title, stack, [.. resources], now);
}
