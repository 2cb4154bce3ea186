using Copilot.Packaging.Abstractions;

namespace Copilot.Packaging.Manifest;

/// <summary>What a manifest is loaded for: the application and environment, and how strict to be.</summary>
internal sealed record ManifestLoadOptions
{
    /// <summary>The application name (the value of <c>${COPILOT_APPLICATION_NAME}</c>).</summary>
    public required string AppName { get; init; }

    /// <summary>The environment name: selects <c>environments.&lt;env&gt;</c> and is the value of <c>${COPILOT_ENVIRONMENT_NAME}</c>.</summary>
    public required string EnvName { get; init; }

    /// <summary>The process environment for <c>${VAR}</c> interpolation.</summary>
    public required IEnvironmentVariables Variables { get; init; }

    /// <summary>When true, warnings (such as unknown keys) are errors.</summary>
    public bool Strict { get; init; }

    /// <summary>The workspace directory name the manifest's <c>name</c> must equal; null to skip the check.</summary>
    public string? ExpectedName { get; init; }
}
