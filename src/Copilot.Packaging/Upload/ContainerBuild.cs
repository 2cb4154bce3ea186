using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Upload;

/// <summary>One container image to build from a Dockerfile and push.</summary>
/// <param name="ContainerName">The container: the job name for the main container, else the sidecar name.</param>
/// <param name="Build">The manifest's <c>build</c> settings.</param>
/// <param name="Tags">The tags to push, first one used for the digest lookup.</param>
/// <param name="Platform">The docker <c>--platform</c> value, or null to leave it out.</param>
internal sealed record ContainerBuild(string ContainerName, BuildConfig Build, IReadOnlyList<string> Tags, string? Platform);
