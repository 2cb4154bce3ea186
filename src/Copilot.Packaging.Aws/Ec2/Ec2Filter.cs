namespace Copilot.Packaging.Aws.Ec2;

/// <summary>One EC2 <c>Filter</c>: a name such as <c>tag:Name</c> and the values any of which matches.</summary>
/// <param name="Name">The filter name.</param>
/// <param name="Values">The accepted values.</param>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    /// <summary>The filter on tag <paramref name="key"/>: <c>tag:&lt;key&gt;</c> with the accepted <paramref name="values"/>.</summary>
    public static Ec2Filter Tag(string key, IReadOnlyList<string> values) => new($"tag:{key}", values);
}
