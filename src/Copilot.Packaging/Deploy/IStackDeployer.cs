using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Deploy;

/// <summary>
/// The CloudFormation calls a deploy makes, as the environment's manager role in the environment's region. The AWS
/// adapter implements it over our Query client; tests implement it with a scripted fake. Failures throw
/// <see cref="StackOperationException"/>.
/// </summary>
internal interface IStackDeployer
{
    /// <summary>DescribeStacks for one stack; null when it does not exist.</summary>
    Task<StackState?> DescribeStackAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>CreateChangeSet; returns the change set's ID (an ARN) and the stack's ID.</summary>
    Task<ChangeSetCreated> CreateChangeSetAsync(ChangeSetRequest request, CancellationToken cancellationToken);

    /// <summary>DescribeChangeSet, every page of changes.</summary>
    Task<ChangeSetDescription> DescribeChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken);

    /// <summary>ExecuteChangeSet; <paramref name="disableRollback"/> sets <c>DisableRollback</c>.</summary>
    Task ExecuteChangeSetAsync(string changeSetId, string stackName, bool disableRollback, CancellationToken cancellationToken);

    /// <summary>DeleteChangeSet.</summary>
    Task DeleteChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken);

    /// <summary>One page of DescribeStackEvents, newest first.</summary>
    Task<StackEventPage> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken);

    /// <summary>DeleteStack.</summary>
    Task DeleteStackAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>CancelUpdateStack.</summary>
    Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken);
}

/// <summary>Where the template goes before CloudFormation reads it.</summary>
internal interface ITemplateStore
{
    /// <summary>
    /// Stores <paramref name="templateText"/> under a key made of the stack name and the text's SHA-256
    /// (<c>manual/templates/&lt;stack&gt;/&lt;sha256&gt;.yml</c>) and returns the URL to give CloudFormation as <c>TemplateURL</c>.
    /// </summary>
    Task<string> PutTemplateAsync(string stackName, string templateText, CancellationToken cancellationToken);
}

/// <summary>What DescribeStacks says about the stack being deployed.</summary>
/// <param name="StackId">The stack's ID (an ARN).</param>
/// <param name="StackName">The stack's name.</param>
/// <param name="Status">Its status, for example <c>UPDATE_COMPLETE</c>.</param>
/// <param name="StatusReason">The reason CloudFormation gives for the status, if any.</param>
internal sealed record StackState(string StackId, string StackName, string Status, string? StatusReason = null);

/// <summary>Whether a change set creates the stack or updates it.</summary>
internal enum ChangeSetType
{
    /// <summary><c>CREATE</c>: the stack does not exist yet.</summary>
    Create,

    /// <summary><c>UPDATE</c>: the stack exists.</summary>
    Update,
}

/// <summary>The CreateChangeSet input copilot sends.</summary>
internal sealed record ChangeSetRequest
{
    /// <summary>The capabilities copilot acknowledges, in its order.</summary>
    public static readonly IReadOnlyList<string> CopilotCapabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"];

    /// <summary>The stack.</summary>
    public required string StackName { get; init; }

    /// <summary>The change set's name, <c>copilot-&lt;uuid&gt;</c>.</summary>
    public required string ChangeSetName { get; init; }

    /// <summary>CREATE or UPDATE.</summary>
    public required ChangeSetType Type { get; init; }

    /// <summary>The uploaded template's URL.</summary>
    public required string TemplateUrl { get; init; }

    /// <summary>Parameter values, in the order they are sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Stack tags, sorted by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    /// <summary>The role CloudFormation acts as (the environment's execution role); null for the caller's credentials.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The acknowledged capabilities.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = CopilotCapabilities;

    /// <summary>Whether nested stacks get change sets too (copilot: always).</summary>
    public bool IncludeNestedStacks { get; init; } = true;
}

/// <summary>What CreateChangeSet returns.</summary>
/// <param name="Id">The change set's ID (an ARN).</param>
/// <param name="StackId">The stack's ID.</param>
internal sealed record ChangeSetCreated(string Id, string StackId);

/// <summary>What DescribeChangeSet says.</summary>
/// <param name="Status">For example <c>CREATE_COMPLETE</c> or <c>FAILED</c>.</param>
/// <param name="ExecutionStatus">For example <c>AVAILABLE</c>.</param>
/// <param name="StatusReason">Why it failed, if it did.</param>
/// <param name="CreationTime">When it was created (CloudFormation's clock); stack events from then on belong to this deploy.</param>
/// <param name="Changes">The resource changes, in CloudFormation's order.</param>
internal sealed record ChangeSetDescription(
    string Status,
    string ExecutionStatus,
    string? StatusReason,
    DateTimeOffset? CreationTime,
    IReadOnlyList<ResourceChange> Changes)
{
    /// <summary>
    /// True when CloudFormation refused the change set because it would change nothing. The adapter decides it from
    /// CloudFormation's answer (AWS says so only in <see cref="StatusReason"/>'s text); the engine only reads this flag.
    /// </summary>
    public bool ChangesNothing { get; init; }
}

/// <summary>One resource change of a change set.</summary>
/// <param name="Action">Add, Modify, Remove, Import, Dynamic.</param>
/// <param name="LogicalId">The resource's logical ID.</param>
/// <param name="ResourceType">For example <c>AWS::ECS::TaskDefinition</c>.</param>
internal sealed record ResourceChange(string Action, string LogicalId, string ResourceType);

/// <summary>One page of stack events.</summary>
/// <param name="Events">Newest first.</param>
/// <param name="NextToken">The next (older) page, or null.</param>
internal sealed record StackEventPage(IReadOnlyList<StackEvent> Events, string? NextToken);

/// <summary>One stack event.</summary>
/// <param name="EventId">Unique ID.</param>
/// <param name="LogicalId">The resource's logical ID (the stack name for the stack's own events).</param>
/// <param name="PhysicalId">The physical ID, if known.</param>
/// <param name="ResourceType">The resource type.</param>
/// <param name="Timestamp">When it happened (CloudFormation's clock).</param>
/// <param name="Status">For example <c>CREATE_FAILED</c>.</param>
/// <param name="Reason">The status reason, if any.</param>
internal sealed record StackEvent(
    string EventId,
    string LogicalId,
    string? PhysicalId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string Status,
    string? Reason);

/// <summary>What kind of failure a CloudFormation call had, as far as the deploy engine acts on it.</summary>
internal enum StackFailureKind
{
    /// <summary>Any other failure: reported as it is.</summary>
    Other,

    /// <summary>The stack or change set does not exist.</summary>
    NotFound,

    /// <summary>AWS asked the caller to slow down.</summary>
    Throttled,

    /// <summary>CancelUpdateStack found no update in progress (it finished meanwhile): nothing to cancel.</summary>
    NothingToCancel,
}

/// <summary>A CloudFormation call failed.</summary>
internal sealed class StackOperationException : CopilotJobException
{
    /// <summary>Creates the error.</summary>
    /// <param name="operation">The operation, for example <c>CreateChangeSet</c>.</param>
    /// <param name="errorCode">The AWS error code.</param>
    /// <param name="serviceMessage">The message AWS returned.</param>
    /// <param name="kind">What kind of failure it is; the adapter classifies AWS's answer (see <see cref="StackFailureKind"/>).</param>
    /// <param name="innerException">The cause.</param>
    public StackOperationException(string operation, string errorCode, string serviceMessage, StackFailureKind kind = StackFailureKind.Other, Exception? innerException = null)
        : base($"{operation}: {errorCode}: {serviceMessage}", innerException: innerException)
    {
        Operation = operation;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
        Kind = kind;
    }

    /// <summary>The operation.</summary>
    public string Operation { get; }

    /// <summary>The AWS error code.</summary>
    public string ErrorCode { get; }

    /// <summary>The message AWS returned (for people: never decided on).</summary>
    public string ServiceMessage { get; }

    /// <summary>What kind of failure it is.</summary>
    public StackFailureKind Kind { get; }

    /// <summary>True when AWS asked us to slow down.</summary>
    public bool IsThrottling => Kind == StackFailureKind.Throttled;

    /// <summary>True when the stack (or change set) does not exist.</summary>
    public bool IsNotFound => Kind == StackFailureKind.NotFound;
}
