namespace Copilot.Packaging.Synthesis;

/// <summary>The name copilot gives a workload's CloudFormation stack.</summary>
internal static class WorkloadStackName
{
    /// <summary>CloudFormation's limit on stack names.</summary>
    public const int MaxLength = 128;

    /// <summary>The workload stack name: <c>&lt;app&gt;-&lt;env&gt;-&lt;job&gt;</c>, cut to CloudFormation's 128 characters.</summary>
    public static string Of(string app, string env, string job)
    {
        var name = $"{app}-{env}-{job}";
        return name.Length > MaxLength ? name[..MaxLength] : name;
    }
}
