using Copilot.Packaging.Deploy;

namespace Copilot.Packaging.Aws.CloudFormation;

/// <summary>
/// The conditions CloudFormation reports only in the text of its answers, decoded in this one place at the edge (as
/// the AWS CLI and copilot decode them): a missing stack is a <c>ValidationError</c> saying "does not exist"; an empty
/// change set is a <c>FAILED</c> set whose reason says it "didn't contain changes" (or, for older stacks, "No updates
/// are to be performed"); CancelUpdateStack on a stack that is no longer updating is a <c>ValidationError</c> naming the
/// state it needed. Everything behind the ports branches on <see cref="StackFailureKind"/> and
/// <see cref="ChangeSetDescription.ChangesNothing"/>, never on these texts.
/// </summary>
internal static class CloudFormationAnswers
{
    /// <summary>True when the error says the stack (or change set) does not exist.</summary>
    public static bool IsNotFound(string errorCode, string message) =>
        errorCode is "ChangeSetNotFound" or "ChangeSetNotFoundException" ||
        (errorCode == "ValidationError" && message.Contains("does not exist", StringComparison.Ordinal));

    /// <summary>True when a failed change set failed only because it would change nothing.</summary>
    public static bool ChangesNothing(string status, string? reason, int changeCount) =>
        status == "FAILED" && changeCount == 0 && reason is not null &&
        (reason.Contains("didn't contain changes", StringComparison.Ordinal) ||
         reason.Contains("No updates are to be performed", StringComparison.Ordinal));

    /// <summary>The kind of a failed call, for the deploy engine.</summary>
    public static StackFailureKind Classify(string operation, int statusCode, string errorCode, string message)
    {
        if (Http.AwsRetryPolicy.IsThrottling(statusCode, errorCode))
        {
            return StackFailureKind.Throttled;
        }

        if (IsNotFound(errorCode, message))
        {
            return StackFailureKind.NotFound;
        }

        // "CancelUpdateStack cannot be called from current stack status" / "...in UPDATE_IN_PROGRESS state".
        return operation == "CancelUpdateStack" && errorCode == "ValidationError" &&
               (message.Contains("UPDATE_IN_PROGRESS", StringComparison.Ordinal) || message.Contains("current stack status", StringComparison.Ordinal))
            ? StackFailureKind.NothingToCancel
            : StackFailureKind.Other;
    }
}
