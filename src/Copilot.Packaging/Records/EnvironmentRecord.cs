namespace Copilot.Packaging.Records;

/// <summary>What copilot keeps about an environment (SSM record plus facts read from the <c>&lt;app&gt;-&lt;env&gt;</c> stack).</summary>
internal sealed record EnvironmentRecord
{
    /// <summary>The environment name.</summary>
    public required string Name { get; init; }

    /// <summary>The environment's region.</summary>
    public required string Region { get; init; }

    /// <summary>The environment's account ID.</summary>
    public required string AccountId { get; init; }

    /// <summary>The role copilot assumes to manage the environment.</summary>
    public string ManagerRoleArn { get; init; } = string.Empty;

    /// <summary>The CloudFormation execution role of the environment.</summary>
    public string ExecutionRoleArn { get; init; } = string.Empty;

    /// <summary>The environment stack's template version (<c>Metadata.Version</c>), for example <c>v1.42.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The service discovery endpoint; null means the default <c>&lt;app&gt;.local</c>.</summary>
    public string? ServiceDiscoveryEndpoint { get; init; }

    /// <summary>The environment stack's feature parameters that exist (for example <c>EFSWorkloads</c>, <c>NATWorkloads</c>).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];
}
