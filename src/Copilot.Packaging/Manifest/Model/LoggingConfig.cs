namespace Copilot.Packaging.Manifest.Model;

/// <summary>The <c>logging</c> block.</summary>
internal sealed record LoggingConfig
{
    /// <summary>The name of the FireLens log router container that <c>logging</c> adds (its env file is <c>logging.env_file</c>).</summary>
    public const string FireLensContainerName = "firelens_log_router";

    /// <summary>Log retention in days (<c>logging.retention</c>); default 30.</summary>
    public int? Retention { get; init; }

    /// <summary>The FireLens image (<c>logging.image</c>).</summary>
    public string? Image { get; init; }

    /// <summary>FireLens output options (<c>logging.destination</c>).</summary>
    public IReadOnlyDictionary<string, string> Destination { get; init; } = new Dictionary<string, string>();

    /// <summary><c>logging.enableMetadata</c>.</summary>
    public bool? EnableMetadata { get; init; }

    /// <summary>Secret log options (<c>logging.secretOptions</c>).</summary>
    public IReadOnlyDictionary<string, SecretValue> SecretOptions { get; init; } = new Dictionary<string, SecretValue>();

    /// <summary><c>logging.configFilePath</c>.</summary>
    public string? ConfigFilePath { get; init; }

    /// <summary>Environment variables of the log router (<c>logging.variables</c>).</summary>
    public IReadOnlyDictionary<string, VariableValue> Variables { get; init; } = new Dictionary<string, VariableValue>();

    /// <summary>Secrets of the log router (<c>logging.secrets</c>).</summary>
    public IReadOnlyDictionary<string, SecretValue> Secrets { get; init; } = new Dictionary<string, SecretValue>();

    /// <summary>Env file of the log router (<c>logging.env_file</c>).</summary>
    public string? EnvFile { get; init; }

    /// <summary>
    /// True when any key other than <c>retention</c> is set, which adds the FireLens log router sidecar.
    /// </summary>
    public bool IsFireLensEnabled =>
        Image is not null || Destination.Count > 0 || EnableMetadata is not null || SecretOptions.Count > 0
        || ConfigFilePath is not null || Variables.Count > 0 || Secrets.Count > 0 || EnvFile is not null;
}
