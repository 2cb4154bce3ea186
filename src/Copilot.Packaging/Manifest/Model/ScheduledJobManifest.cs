namespace Copilot.Packaging.Manifest.Model;

/// <summary>
/// A Scheduled Job manifest after interpolation and the <c>environments.&lt;env&gt;</c> override: the typed form that
/// validation and synthesis read. Absent optional fields are null; maps are never null (empty when absent).
/// </summary>
internal sealed record ScheduledJobManifest
{
    /// <summary>The job name (<c>name</c>); must equal the workspace directory name.</summary>
    public required string Name { get; init; }

    /// <summary>The workload type (<c>type</c>); <c>Scheduled Job</c>.</summary>
    public string Type { get; init; } = ManifestHeader.ScheduledJobType;

    /// <summary>The main container image (<c>image</c>).</summary>
    public ImageConfig Image { get; init; } = new();

    /// <summary>The entrypoint override (<c>entrypoint</c>), already split into words; null when absent.</summary>
    public CommandLine? EntryPoint { get; init; }

    /// <summary>The command override (<c>command</c>), already split into words; null when absent.</summary>
    public CommandLine? Command { get; init; }

    /// <summary>CPU units (<c>cpu</c>); default 256.</summary>
    public int Cpu { get; init; } = 256;

    /// <summary>Memory in MiB (<c>memory</c>); default 512.</summary>
    public int Memory { get; init; } = 512;

    /// <summary>Task count (<c>count</c>); default 1. Feeds only the unused <c>TaskCount</c> parameter.</summary>
    public int Count { get; init; } = 1;

    /// <summary>True when <c>count</c> was given in its autoscaling (map) form, which jobs do not allow.</summary>
    public bool CountHasAutoscaling { get; init; }

    /// <summary>The platform (<c>platform</c>); null when absent (linux/x86_64).</summary>
    public PlatformConfig? Platform { get; init; }

    /// <summary>Environment variables (<c>variables</c>) by name.</summary>
    public IReadOnlyDictionary<string, VariableValue> Variables { get; init; } = new Dictionary<string, VariableValue>();

    /// <summary>Secrets (<c>secrets</c>) by name.</summary>
    public IReadOnlyDictionary<string, SecretValue> Secrets { get; init; } = new Dictionary<string, SecretValue>();

    /// <summary>The env file of the main container (<c>env_file</c>), relative to the workspace root.</summary>
    public string? EnvFile { get; init; }

    /// <summary>Storage (<c>storage</c>); null when absent.</summary>
    public StorageConfig? Storage { get; init; }

    /// <summary>Logging (<c>logging</c>); null when absent.</summary>
    public LoggingConfig? Logging { get; init; }

    /// <summary>Sidecars (<c>sidecars</c>) by name.</summary>
    public IReadOnlyDictionary<string, SidecarConfig> Sidecars { get; init; } = new Dictionary<string, SidecarConfig>();

    /// <summary>Network (<c>network</c>); null when absent.</summary>
    public NetworkConfig? Network { get; init; }

    /// <summary>SNS topics the job publishes to (<c>publish.topics</c>).</summary>
    public IReadOnlyList<TopicConfig> Topics { get; init; } = [];

    /// <summary>The schedule (<c>on.schedule</c>) as written; null when absent.</summary>
    public string? Schedule { get; init; }

    /// <summary>Retries (<c>retries</c>); null when absent.</summary>
    public int? Retries { get; init; }

    /// <summary>The timeout (<c>timeout</c>) as a Go duration string; null when absent.</summary>
    public string? Timeout { get; init; }

    /// <summary>Task definition override rules (<c>taskdef_overrides</c>), in manifest order.</summary>
    public IReadOnlyList<TaskDefOverride> TaskDefOverrides { get; init; } = [];

    /// <summary>Where each field was written, for error messages.</summary>
    public ManifestSourceMap Source { get; init; } = ManifestSourceMap.Empty;
}
