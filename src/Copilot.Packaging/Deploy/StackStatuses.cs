namespace Copilot.Packaging.Deploy;

/// <summary>How CloudFormation's stack and resource statuses are read (copilot's lists).</summary>
public static class StackStatuses
{
    private static readonly HashSet<string> StackFailures = new(StringComparer.Ordinal)
    {
        "CREATE_FAILED", "DELETE_FAILED", "UPDATE_FAILED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED",
        "UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS",
        "UPDATE_ROLLBACK_FAILED", "IMPORT_ROLLBACK_IN_PROGRESS", "IMPORT_ROLLBACK_FAILED",
    };

    private static readonly HashSet<string> Successes = new(StringComparer.Ordinal)
    {
        "CREATE_COMPLETE", "DELETE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "IMPORT_COMPLETE",
    };

    /// <summary>True for a status that ends a deploy unsuccessfully (or a resource status that is a failure).</summary>
    public static bool IsFailure(string status) => StackFailures.Contains(status) || status.EndsWith("_FAILED", StringComparison.Ordinal);

    /// <summary>True for a status that means success.</summary>
    public static bool IsSuccess(string status) => Successes.Contains(status);

    /// <summary>True while an operation runs.</summary>
    internal static bool IsInProgress(string status) => status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal);

    /// <summary>True for the statuses copilot deletes and re-creates: a creation that failed and rolled back.</summary>
    internal static bool NeedsRecreate(string status) => status is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED";

    /// <summary>A status as people read it: <c>UPDATE_IN_PROGRESS</c> → <c>update in progress</c>.</summary>
    public static string Humanize(string status) => status.ToLowerInvariant().Replace('_', ' ');

    /// <summary>What to wait for (or do) when a stack is busy with <paramref name="status"/>.</summary>
    internal static string WaitAdvice(string stackName, string status) => status switch
    {
        "REVIEW_IN_PROGRESS" =>
            $"A change set was created for stack {stackName} but never executed. Execute or delete it in the CloudFormation console, or delete the empty stack: `aws cloudformation delete-stack --stack-name {stackName}`; then deploy again.",
        "DELETE_IN_PROGRESS" => $"Wait until the deletion of stack {stackName} finishes, then deploy again.",
        _ when status.Contains("ROLLBACK", StringComparison.Ordinal) =>
            $"Wait until the rollback of stack {stackName} finishes (`aws cloudformation wait stack-rollback-complete --stack-name {stackName}`, or watch its events), then deploy again.",
        _ when status.StartsWith("CREATE", StringComparison.Ordinal) =>
            $"Wait until stack {stackName} is created (`aws cloudformation wait stack-create-complete --stack-name {stackName}`), then deploy again.",
        _ => $"Wait until the current operation on stack {stackName} finishes (`aws cloudformation wait stack-update-complete --stack-name {stackName}`, or watch its events), then deploy again.",
    };
}
