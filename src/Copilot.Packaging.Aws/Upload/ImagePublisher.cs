using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws.Ecr;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Aws.Upload;

/// <summary>
/// Builds and pushes the job's container images (the main container when it has <c>image.build</c>, and every sidecar
/// with <c>image.build</c>) into the job's ECR repository, one after the other.
/// </summary>
/// <remarks>
/// Copilot builds several images in parallel behind a live terminal view; this runs them sequentially so each
/// build's progress lines and failures stay readable on stderr. Docker itself parallelises within a build.
/// </remarks>
internal sealed class ImagePublisher(IProcessRunner processes, IFileSystem fileSystem, IEnvironmentVariables variables, Func<string, IEcrClient> ecr)
{
    /// <summary>Builds and pushes what needs building; docker is not touched when nothing does.</summary>
    /// <exception cref="CopilotJobException">Docker is unusable, the repository is unknown, or a build or push failed.</exception>
    public async Task<PublishedImages> PublishAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var manifest = request.Manifest;
        var sidecarBuilds = manifest.Sidecars.Where(s => s.Value.ImageBuild is not null).ToList();
        if (manifest.Image.Build is null && sidecarBuilds.Count == 0)
        {
            return PublishedImages.None;
        }

        var ci = variables.Get("CI") == "true";
        var docker = new DockerEngine(processes, request.WorkspaceRoot, ci);
        try
        {
            await docker.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CopilotJobException ex)
        {
            throw Wrap("check if docker engine is running", ex, "Start Docker (or install it and put `docker` on PATH); --upload-assets needs it to build images.");
        }

        var repository = await RepositoryUriAsync(request, cancellationToken).ConfigureAwait(false);
        await LoginAsync(docker, request, repository, cancellationToken).ConfigureAwait(false);
        var gitTag = await GitTag.ReadAsync(processes, request.WorkspaceRoot, cancellationToken).ConfigureAwait(false);
        var platform = DockerPlatform(manifest.Platform);
        var explicitTag = string.IsNullOrEmpty(request.Tag) ? null : request.Tag;

        string? main = null;
        if (manifest.Image.Build is { } mainBuild)
        {
            var tag = explicitTag ?? gitTag;
            var build = new ContainerBuild(request.JobName, mainBuild, tag is null ? ["latest"] : ["latest", tag], platform);
            var digest = await BuildAndPushAsync(docker, build, repository, request, ci, cancellationToken).ConfigureAwait(false);
            main = tag is not null ? $"{repository}:{tag}" : $"{repository}@{digest}";
        }

        var sidecars = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, sidecar) in sidecarBuilds)
        {
            var tag = gitTag is null ? null : $"{name}-{gitTag}";
            var build = new ContainerBuild(name, sidecar.ImageBuild!, tag is null ? [$"{name}-latest"] : [$"{name}-latest", tag], platform);
            var digest = await BuildAndPushAsync(docker, build, repository, request, ci, cancellationToken).ConfigureAwait(false);
            sidecars[name] = tag is not null ? $"{repository}:{tag}" : $"{repository}@{digest}";
        }

        return new PublishedImages(main, sidecars);
    }

    /// <summary>The docker <c>--platform</c> of the manifest's <c>platform</c>: <c>os/arch</c> lower-cased, <c>windows/&lt;arch&gt;</c> for any Windows family; null when unset.</summary>
    internal static string? DockerPlatform(PlatformConfig? platform)
    {
        if (platform is null)
        {
            return null;
        }

        string os;
        string arch;
        if (platform.Text is { Length: > 0 } text)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            (os, arch) = slash < 0 ? (text, string.Empty) : (text[..slash], text[(slash + 1)..]);
        }
        else
        {
            (os, arch) = (platform.OsFamily ?? string.Empty, platform.Architecture ?? string.Empty);
        }

        if (os.Length == 0 && arch.Length == 0)
        {
            return null;
        }

        os = os.ToLowerInvariant();
        return $"{(os.StartsWith("windows", StringComparison.Ordinal) ? "windows" : os)}/{arch.ToLowerInvariant()}";
    }

    private async Task<string> BuildAndPushAsync(DockerEngine docker, ContainerBuild build, string repository, UploadRequest request, bool ci, CancellationToken cancellationToken)
    {
        var reporter = request.Reporter;
        try
        {
            var location = DockerBuildCommand.Locate(fileSystem, build.Build, request.WorkspaceRoot, build.ContainerName, new WorkspaceConfinement(fileSystem, request.WorkspaceRoot, request.AllowedOutsideWorkspace));
            var arguments = DockerBuildCommand.Arguments(build, repository, location, ci);
            reporter.Info($"Building your container image \"{build.ContainerName}\": docker {string.Join(' ', arguments)}");
            var output = await docker.BuildAsync(arguments, cancellationToken).ConfigureAwait(false);
            reporter.Verbose(ProcessResultExtensions.Tail(output.StandardOutput + "\n" + output.StandardError));
            foreach (var tag in build.Tags)
            {
                reporter.Info($"Pushing {repository}:{tag}");
                await docker.PushAsync($"{repository}:{tag}", cancellationToken).ConfigureAwait(false);
            }

            var digest = await docker.DigestAsync($"{repository}:{build.Tags[0]}", cancellationToken).ConfigureAwait(false);
            reporter.Info($"Pushed container image \"{build.ContainerName}\": {repository}@{digest}");
            return digest;
        }
        catch (CopilotJobException ex)
        {
            throw Wrap($"build and push the image \"{build.ContainerName}\"", ex);
        }
    }

    private async Task<string> RepositoryUriAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        if (request.Regional.Repositories.TryGetValue(request.JobName, out var uri) && uri.Length > 0)
        {
            return uri;
        }

        var name = $"{request.ApplicationName}/{request.JobName}";
        try
        {
            var found = await ecr(request.Environment.Region).DescribeRepositoriesAsync([name], cancellationToken).ConfigureAwait(false);
            return found.FirstOrDefault(r => r.Uri.Length > 0)?.Uri
                   ?? throw new CopilotJobException($"ECR DescribeRepositories returned no repository named {name}");
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "RepositoryNotFoundException")
        {
            throw new CopilotJobException(
                $"get the ECR repository of job {request.JobName}: there is no repository {name} in region {request.Environment.Region}",
                recommendation: $"Deploy the job once with copilot (which creates the repository), or create the ECR repository {name}.",
                innerException: ex);
        }
        catch (CopilotJobException ex)
        {
            throw Wrap($"get the ECR repository of job {request.JobName}", ex);
        }
    }

    private async Task LoginAsync(DockerEngine docker, UploadRequest request, string repository, CancellationToken cancellationToken)
    {
        var registry = repository.Split('/')[0];
        if (DockerCredentialHelpers.UseEcrLogin(fileSystem, variables, registry))
        {
            request.Reporter.Verbose($"Docker logs in to {registry} through the ecr-login credential helper.");
            return;
        }

        try
        {
            var token = await ecr(request.Environment.Region).GetAuthorizationTokenAsync(cancellationToken).ConfigureAwait(false);
            await docker.LoginAsync(repository, token.UserName, token.Password, cancellationToken).ConfigureAwait(false);
        }
        catch (CopilotJobException ex)
        {
            throw Wrap("login to image repository", ex);
        }
    }

    private static CopilotJobException Wrap(string step, CopilotJobException inner, string? recommendation = null) =>
        new($"{step}: {inner.Message}", recommendation: recommendation ?? inner.Recommendation, innerException: inner);
}
