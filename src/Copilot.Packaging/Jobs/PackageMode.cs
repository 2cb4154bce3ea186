namespace Copilot.Packaging.Jobs;

/// <summary>
/// What a <c>package</c> run does with the template: print it, write it with its configuration, or compare it with the
/// deployed stack. One of <see cref="Print"/>, <see cref="WriteFiles"/> and <see cref="Diff"/>; a diff neither writes
/// files nor uploads assets, so those combinations cannot be asked for.
/// </summary>
public abstract record PackageMode
{
    private PackageMode()
    {
    }

    /// <summary>Refuses values no run can use: a blank output directory, an image tag Docker would refuse.</summary>
    internal void EnsureValid()
    {
        if (this is WriteFiles { OutputDirectory: var directory } && string.IsNullOrWhiteSpace(directory))
        {
            throw new Errors.CopilotJobException(
                "the output directory is empty: name the directory to write to",
                recommendation: "Use . to write to the current directory, or print the template instead.");
        }

        if (Upload?.Tag is { } tag)
        {
            Inputs.ImageReferences.EnsureTag(tag, "AssetUpload.Tag");
        }
    }

    /// <summary>The assets to upload before synthesis, or null to upload nothing.</summary>
    internal abstract AssetUpload? Upload { get; }

    /// <summary>Returns the template text for stdout.</summary>
    public sealed record Print : PackageMode
    {
        /// <summary>Build and push images and upload assets first (<c>--upload-assets</c>); null to upload nothing.</summary>
        public AssetUpload? Assets { get; init; }

        internal override AssetUpload? Upload => Assets;
    }

    /// <summary>Writes the template, its configuration and the addons template to a directory (<c>--output-dir</c>).</summary>
    public sealed record WriteFiles : PackageMode
    {
        /// <summary>The directory, relative to <see cref="JobPackageRequest.WorkingDirectory"/> or absolute.</summary>
        public required string OutputDirectory { get; init; }

        /// <summary>The template configuration format.</summary>
        public ParamsFormat ParamsFormat { get; init; } = ParamsFormat.Yaml;

        /// <summary>Build and push images and upload assets first (<c>--upload-assets</c>); null to upload nothing.</summary>
        public AssetUpload? Assets { get; init; }

        internal override AssetUpload? Upload => Assets;
    }

    /// <summary>Compares with the deployed stack (<c>--diff</c>); nothing is written or uploaded.</summary>
    public sealed record Diff : PackageMode
    {
        /// <summary>Colour the diff (the host decides: a terminal, and no <c>NO_COLOR</c>).</summary>
        public bool Color { get; init; }

        internal override AssetUpload? Upload => null;
    }
}

/// <summary>The asset upload of a run (<c>--upload-assets</c>).</summary>
public sealed record AssetUpload
{
    /// <summary>The image tag for images built from a Dockerfile (<c>--tag</c>); null for the default.</summary>
    public string? Tag { get; init; }
}
