namespace Copilot.Packaging.Manifest.Model;

/// <summary>One sidecar under <c>sidecars</c>.</summary>
internal sealed record SidecarConfig
{
    /// <summary>The port as written (<c>8080</c> or <c>8080/tcp</c>).</summary>
    public string? Port { get; init; }

    /// <summary>The image URI (string form, or <c>image.location</c>).</summary>
    public string? ImageLocation { get; init; }

    /// <summary>The build (<c>image.build</c> of the map form).</summary>
    public BuildConfig? ImageBuild { get; init; }

    /// <summary><c>essential</c>; null when absent.</summary>
    public bool? Essential { get; init; }

    /// <summary><c>credentialsParameter</c>.</summary>
    public string? CredentialsParameter { get; init; }

    /// <summary><c>variables</c>.</summary>
    public IReadOnlyDictionary<string, VariableValue> Variables { get; init; } = new Dictionary<string, VariableValue>();

    /// <summary><c>env_file</c>.</summary>
    public string? EnvFile { get; init; }

    /// <summary><c>secrets</c>.</summary>
    public IReadOnlyDictionary<string, SecretValue> Secrets { get; init; } = new Dictionary<string, SecretValue>();

    /// <summary><c>mount_points</c>, in order.</summary>
    public IReadOnlyList<MountPointConfig> MountPoints { get; init; } = [];

    /// <summary><c>labels</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>depends_on</c>: container name to condition, as written.</summary>
    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = new Dictionary<string, string>();

    /// <summary><c>healthcheck</c>.</summary>
    public HealthCheckConfig? HealthCheck { get; init; }

    /// <summary><c>entrypoint</c>.</summary>
    public CommandLine? EntryPoint { get; init; }

    /// <summary><c>command</c>.</summary>
    public CommandLine? Command { get; init; }
}

/// <summary>A sidecar mount point.</summary>
internal sealed record MountPointConfig
{
    /// <summary><c>source_volume</c>.</summary>
    public string? SourceVolume { get; init; }

    /// <summary><c>path</c>.</summary>
    public string? Path { get; init; }

    /// <summary><c>read_only</c>; null means read-only.</summary>
    public bool? ReadOnly { get; init; }
}
