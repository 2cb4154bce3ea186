namespace Copilot.Packaging.Jobs;

/// <summary>How the template configuration (parameters and tags) is written with <see cref="JobPackageRequest.OutputDirectory"/>.</summary>
public enum ParamsFormat
{
    /// <summary><c>&lt;job&gt;-&lt;env&gt;.params.yml</c> with <c>Parameters</c> and <c>Tags</c> maps.</summary>
    Yaml,

    /// <summary>copilot's exact <c>&lt;job&gt;-&lt;env&gt;.params.json</c>, for copilot pipelines.</summary>
    Json,
}

/// <summary>One <c>package</c> run, as the user asked for it. Immutable; the host builds it from the flags.</summary>
public sealed record JobPackageRequest
{
    /// <summary>The directory the search for <c>copilot/</c> starts from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The job (<c>-n</c>); null to pick one.</summary>
    public string? JobName { get; init; }

    /// <summary>The environment (<c>-e</c>); null to pick one.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The application (<c>-a</c>); null for the one in <c>copilot/.workspace</c>.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>Where to write the files (<c>--output-dir</c>); null to return the template for stdout.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The image tag for images built from a Dockerfile (<c>--tag</c>); used only with <see cref="UploadAssets"/>.</summary>
    public string? Tag { get; init; }

    /// <summary>Build and push images and upload assets (<c>--upload-assets</c>).</summary>
    public bool UploadAssets { get; init; }

    /// <summary>Compare with the deployed stack instead of writing output (<c>--diff</c>).</summary>
    public bool Diff { get; init; }

    /// <summary>Skip the downgrade check (<c>--allow-downgrade</c>).</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Colour the <c>--diff</c> output (the host decides: a terminal, and no <c>NO_COLOR</c>).</summary>
    public bool DiffColor { get; init; }

    /// <summary>Treat unknown manifest keys as errors (<c>--strict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Directories outside the workspace root that local paths in the manifest and addons may resolve into
    /// (<c>--allow-outside-workspace</c>); relative ones resolve against <see cref="WorkingDirectory"/>. Empty: only the
    /// workspace root.
    /// </summary>
    public IReadOnlyList<string> AllowedOutsideWorkspace { get; init; } = [];

    /// <summary>The template configuration format with <see cref="OutputDirectory"/>.</summary>
    public ParamsFormat ParamsFormat { get; init; } = ParamsFormat.Yaml;
}
