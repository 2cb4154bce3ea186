namespace Copilot.Packaging.Deploy;

/// <summary>One stack deployment: what to deploy, where, and how to run it.</summary>
internal sealed record StackDeployRequest
{
    /// <summary>The stack, <c>&lt;app&gt;-&lt;env&gt;-&lt;job&gt;</c>.</summary>
    public required string StackName { get; init; }

    /// <summary>The uploaded template's URL.</summary>
    public required string TemplateUrl { get; init; }

    /// <summary>Parameter values, in the order they are sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Stack tags (sent sorted by key).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The environment's CloudFormation execution role; null or empty for the caller's credentials.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Logical ID → <c>aws:copilot:description</c> of the template's resources: the rows of the progress view.</summary>
    public IReadOnlyDictionary<string, string> ResourceDescriptions { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--no-rollback</c>: execute with <c>DisableRollback</c>.</summary>
    public bool DisableRollback { get; init; }

    /// <summary><c>--detach</c>: return once the change set is executed.</summary>
    public bool Detach { get; init; }
}

/// <summary>How a stack deployment ended.</summary>
public enum StackDeployOutcome
{
    /// <summary>The stack was created or updated.</summary>
    Succeeded,

    /// <summary>The change set had no changes; it was deleted and nothing was executed.</summary>
    NoChanges,

    /// <summary><c>--detach</c>: the change set was executed and the engine did not wait.</summary>
    Detached,

    /// <summary>The stack ended in a failure status.</summary>
    Failed,

    /// <summary>Cancelled (Ctrl+C) while the stack operation ran: a creation was deleted, an update cancelled.</summary>
    Cancelled,
}

/// <summary>The result of a stack deployment.</summary>
public sealed record StackDeployResult
{
    /// <summary>How it ended.</summary>
    public required StackDeployOutcome Outcome { get; init; }

    /// <summary>The stack.</summary>
    public required string StackName { get; init; }

    /// <summary>CREATE or UPDATE; null when nothing was proposed.</summary>
    internal ChangeSetType? Type { get; init; }

    /// <summary>The change set's ID, if one was created.</summary>
    public string? ChangeSetId { get; init; }

    /// <summary>The stack's status at the end (null for no changes and detached runs).</summary>
    public string? FinalStatus { get; init; }

    /// <summary>The failures of this operation's events, oldest first (empty unless it failed).</summary>
    internal IReadOnlyList<ResourceFailure> Failures { get; init; } = [];
}

/// <summary>One failed event of the operation.</summary>
/// <param name="LogicalId">The resource (or the stack).</param>
/// <param name="ResourceType">Its type.</param>
/// <param name="Status">The failure status, for example <c>CREATE_FAILED</c>.</param>
/// <param name="Reason">CloudFormation's reason.</param>
internal sealed record ResourceFailure(string LogicalId, string ResourceType, string Status, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{LogicalId} ({ResourceType}) {Status}: {Reason}";
}
