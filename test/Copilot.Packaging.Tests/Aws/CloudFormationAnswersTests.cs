using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Deploy;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>The one place that reads CloudFormation's texts: what each answer means to the deploy engine.</summary>
public sealed class CloudFormationAnswersTests
{
    [TestCase("DescribeStacks", "ValidationError", "Stack with id my-app-test-job does not exist", StackFailureKind.NotFound)]
    [TestCase("DescribeChangeSet", "ChangeSetNotFound", "ChangeSet [x] does not exist", StackFailureKind.NotFound)]
    [TestCase("DescribeStackEvents", "Throttling", "Rate exceeded", StackFailureKind.Throttled)]
    [TestCase("CancelUpdateStack", "ValidationError", "CancelUpdateStack cannot be called from current stack status", StackFailureKind.NothingToCancel)]
    [TestCase("CancelUpdateStack", "ValidationError", "Stack is not in UPDATE_IN_PROGRESS state", StackFailureKind.NothingToCancel)]
    [TestCase("ExecuteChangeSet", "ValidationError", "No export named my-app-test-ClusterId found.", StackFailureKind.Other)]
    [TestCase("DeleteStack", "AccessDenied", "User is not authorized; the role does not exist", StackFailureKind.Other)]
    // object: a public test method cannot take the internal enum; NUnit passes the boxed value.
    public void Errors_are_classified_by_code_and_operation(string operation, string code, string message, object expected) =>
        Assert.That(CloudFormationAnswers.Classify(operation, 400, code, message), Is.EqualTo((StackFailureKind)expected));

    [TestCase("FAILED", "The submitted information didn't contain changes. Submit different information to create a change set.", 0, true)]
    [TestCase("FAILED", "No updates are to be performed.", 0, true)]
    [TestCase("FAILED", "The submitted information didn't contain changes.", 1, false)]
    [TestCase("FAILED", "Template format error: Unresolved resource dependencies [Nope]", 0, false)]
    [TestCase("CREATE_COMPLETE", "The submitted information didn't contain changes.", 0, false)]
    [TestCase("FAILED", null, 0, false)]
    public void Only_a_failed_set_without_changes_that_says_so_changes_nothing(string status, string? reason, int changes, bool expected) =>
        Assert.That(CloudFormationAnswers.ChangesNothing(status, reason, changes), Is.EqualTo(expected));
}
