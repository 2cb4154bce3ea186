using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Upload;

/// <summary>What <c>--upload-assets</c> produced: the values the template and its parameters are rendered with.</summary>
internal sealed record UploadResult
{
    /// <summary>
    /// The pushed main image (parameter <c>ContainerImage</c>): <c>&lt;repo&gt;:&lt;tag&gt;</c> with <c>--tag</c> or a clean
    /// git tag, else <c>&lt;repo&gt;@&lt;digest&gt;</c>; null when the main container is not built (<c>image.location</c>).
    /// </summary>
    public string? ContainerImage { get; init; }

    /// <summary>Pushed images of sidecars built from a Dockerfile, by sidecar name.</summary>
    public IReadOnlyDictionary<string, string> SidecarImages { get; init; } = new Dictionary<string, string>();

    /// <summary>Uploaded env file ARNs by container name (the job name, a sidecar name, or <c>firelens_log_router</c>).</summary>
    public IReadOnlyDictionary<string, string> EnvFileArns { get; init; } = new Dictionary<string, string>();

    /// <summary>The uploaded addons template URL (parameter <c>AddonsTemplateURL</c>); empty when the job has no addons.</summary>
    public string AddonsTemplateUrl { get; init; } = string.Empty;

    /// <summary>The packaged addons template (local assets replaced by their S3 locations), as uploaded; null without addons.</summary>
    public string? PackagedAddonsTemplate { get; init; }

    /// <summary>Where the env-controller Lambda zip was uploaded.</summary>
    public required S3Location EnvControllerCode { get; init; }
}
