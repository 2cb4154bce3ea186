using Copilot.Packaging.Addons;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;

namespace Copilot.Packaging.Synthesis;

/// <summary>Everything synthesis needs to render one job's stack for one environment.</summary>
internal sealed record JobStackInput
{
    /// <summary>The manifest after interpolation, the environment override and validation.</summary>
    public required ScheduledJobManifest Manifest { get; init; }

    /// <summary>The application record.</summary>
    public required ApplicationRecord Application { get; init; }

    /// <summary>The environment record.</summary>
    public required EnvironmentRecord Environment { get; init; }

    /// <summary>The application's resources in the environment's region.</summary>
    public required RegionalResources Regional { get; init; }

    /// <summary>
    /// The EventBridge schedule expression <c>on.schedule</c> converts to (<c>none</c> disables the rule), when the caller
    /// converted it already (to locate its errors in the manifest); null to convert <see cref="ScheduledJobManifest.Schedule"/> here.
    /// </summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>The template version written to <c>Metadata.Version</c> (see <see cref="TemplateVersion"/>).</summary>
    public string Version { get; init; } = TemplateVersion.Current;

    /// <summary>The interpolated manifest text for <c>Metadata.Manifest</c>; omitted when null or empty.</summary>
    public string? ManifestText { get; init; }

    /// <summary>Where the env-controller Lambda code lives in S3.</summary>
    public required S3Location EnvControllerCode { get; init; }

    /// <summary>The main container image URI; null means <c>image.location</c>, or empty for a build that was not pushed.</summary>
    public string? ContainerImage { get; init; }

    /// <summary>Pushed image URIs of sidecars built from a Dockerfile, by sidecar name.</summary>
    public IReadOnlyDictionary<string, string> SidecarImages { get; init; } = new Dictionary<string, string>();

    /// <summary>Uploaded env file ARNs by container name (the job name, a sidecar name, or <c>firelens_log_router</c>).</summary>
    public IReadOnlyDictionary<string, string> EnvFileArns { get; init; } = new Dictionary<string, string>();

    /// <summary>The uploaded addons template URL; empty when the job has no addons or they were not uploaded.</summary>
    public string AddonsTemplateUrl { get; init; } = string.Empty;

    /// <summary>
    /// The job's merged addons (<see cref="AddonsReader.Read"/>); null when the job has none. Its outputs become
    /// container variables and secrets, task-role managed policies and task security groups, and its extra
    /// parameters are passed to <c>AddonsStack</c>.
    /// </summary>
    public AddonsTemplate? Addons { get; init; }
}

/// <summary>An object in S3.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Key">The object key.</param>
internal sealed record S3Location(string Bucket, string Key);
