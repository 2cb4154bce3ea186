using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Deploy;

/// <summary>The stack ended in a failure status; the message lists this operation's failures.</summary>
internal sealed class StackDeployFailedException : CopilotJobException
{
    /// <summary>Creates the error from the stack result.</summary>
    /// <param name="result">The failed result.</param>
    /// <param name="recommendation">Advice, if any (the rollback hint with <c>--no-rollback</c>).</param>
    public StackDeployFailedException(StackDeployResult result, string? recommendation)
        : base(Describe(result), recommendation: recommendation ?? $"Fix the cause above and deploy again; the stack's whole history is in `aws cloudformation describe-stack-events --stack-name {result?.StackName}`.")
    {
        Result = result!;
    }

    /// <summary>The stack result.</summary>
    public StackDeployResult Result { get; }

    private static string Describe(StackDeployResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = $"stack {result.StackName} did not complete successfully and exited with status {result.FinalStatus}";
        if (result.Failures.Count == 0)
        {
            return text + " (CloudFormation gave no failure reason for this operation)";
        }

        return text + ":" + string.Concat(result.Failures.Select(f => Environment.NewLine + "  " + f));
    }
}
