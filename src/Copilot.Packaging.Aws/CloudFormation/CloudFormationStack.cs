namespace Copilot.Packaging.Aws.CloudFormation;

/// <summary>What DescribeStacks says about one stack.</summary>
/// <param name="StackId">The stack ID (an ARN).</param>
/// <param name="StackName">The stack name.</param>
/// <param name="StackStatus">The status, for example <c>CREATE_COMPLETE</c>.</param>
/// <param name="Parameters">Parameter values by key.</param>
/// <param name="Outputs">The outputs, in the order CloudFormation lists them.</param>
internal sealed record CloudFormationStack(
    string StackId,
    string StackName,
    string StackStatus,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<StackOutput> Outputs)
{
    /// <summary>The stack's tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>One stack output.</summary>
/// <param name="Key">The output key.</param>
/// <param name="Value">The output value.</param>
/// <param name="ExportName">The export name, or null.</param>
internal sealed record StackOutput(string Key, string Value, string? ExportName);

/// <summary>What GetTemplateSummary says about a template (only what packaging reads).</summary>
/// <param name="Metadata">The template's <c>Metadata</c> section as a JSON string, or null when it has none.</param>
internal sealed record TemplateSummary(string? Metadata);

/// <summary>One stack set instance.</summary>
/// <param name="StackSetId">The stack set ID.</param>
/// <param name="Account">The account.</param>
/// <param name="Region">The region.</param>
/// <param name="StackId">The backing stack's ID, or null when it has none yet.</param>
/// <param name="Status">The instance status, for example <c>CURRENT</c>.</param>
internal sealed record StackInstanceSummary(string StackSetId, string Account, string Region, string? StackId, string Status);
