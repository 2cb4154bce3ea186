namespace Copilot.Packaging.Deploy;

/// <summary>One <c>deploy</c> run, as the user asked for it. Immutable; the host builds it from the flags.</summary>
public sealed record JobDeployRequest
{
    /// <summary>The directory the search for <c>copilot/</c> starts from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The job; the host chooses it (<c>WorkspaceCatalog</c> lists the jobs).</summary>
    public required string JobName { get; init; }

    /// <summary>The environment; the host chooses it (<c>WorkspaceCatalog</c> lists the environments).</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The application (<c>-a</c>); null for the one in <c>copilot/.workspace</c>.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>The image tag for images built from a Dockerfile (<c>--tag</c>).</summary>
    public string? Tag { get; init; }

    /// <summary>Extra stack tags (<c>--resource-tags</c>); the application's tags lose to them, copilot's three tags win over them.</summary>
    public IReadOnlyDictionary<string, string> ResourceTags { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--no-rollback</c>.</summary>
    public bool NoRollback { get; init; }

    /// <summary><c>--diff</c>: show the diff and ask before deploying.</summary>
    public bool Diff { get; init; }

    /// <summary>Colour the diff.</summary>
    public bool DiffColor { get; init; }

    /// <summary><c>--allow-downgrade</c>.</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary><c>--detach</c>.</summary>
    public bool Detach { get; init; }

    /// <summary>Treat unknown manifest keys as errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Directories outside the workspace that env files, addons assets and Docker builds may use (<c>--allow-outside-workspace</c>).</summary>
    public IReadOnlyList<string> AllowedOutsideWorkspace { get; init; } = [];
}

/// <summary>What a <c>deploy</c> run did.</summary>
public sealed record JobDeployResult
{
    /// <summary>The job.</summary>
    public required string JobName { get; init; }

    /// <summary>The environment.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The environment's region.</summary>
    public required string Region { get; init; }

    /// <summary>The stack.</summary>
    public required string StackName { get; init; }

    /// <summary>How the stack deployment ended; null when <c>--diff</c> was answered no.</summary>
    public StackDeployResult? Stack { get; init; }

    /// <summary>True when <c>--diff</c> was answered no and nothing was deployed.</summary>
    public bool Declined { get; init; }
}
