namespace Copilot.Packaging.Jobs;

/// <summary>How the template configuration (parameters and tags) is written with <see cref="PackageMode.WriteFiles"/>.</summary>
public enum ParamsFormat
{
    /// <summary><c>&lt;job&gt;-&lt;env&gt;.params.yml</c> with <c>Parameters</c> and <c>Tags</c> maps.</summary>
    Yaml,

    /// <summary>copilot's exact <c>&lt;job&gt;-&lt;env&gt;.params.json</c>, for copilot pipelines.</summary>
    Json,
}

/// <summary>
/// One <c>package</c> run, as the user asked for it. Immutable; the host builds it from the flags after choosing the job
/// and the environment (<see cref="WorkspaceCatalog"/> lists them).
/// </summary>
public sealed record JobPackageRequest
{
    /// <summary>The directory the search for <c>copilot/</c> starts from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The job.</summary>
    public required string JobName { get; init; }

    /// <summary>The environment.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The application; null for the one in <c>copilot/.workspace</c>.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>Print, write files or diff; printing by default.</summary>
    public PackageMode Mode { get; init; } = new PackageMode.Print();

    /// <summary>Skip the downgrade check (<c>--allow-downgrade</c>).</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Treat unknown manifest keys as errors (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Directories outside the workspace root that local paths in the manifest and addons may resolve into
    /// (<c>--allow-outside-workspace</c>); relative ones resolve against <see cref="WorkingDirectory"/>. Empty: only the
    /// workspace root.
    /// </summary>
    public IReadOnlyList<string> AllowedOutsideWorkspace { get; init; } = [];
}
