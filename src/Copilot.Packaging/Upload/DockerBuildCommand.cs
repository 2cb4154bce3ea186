using System.IO.Abstractions;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Upload;

/// <summary>The arguments of <c>docker build</c>, in copilot's order.</summary>
internal static class DockerBuildCommand
{
    /// <summary>Label naming the tool that built the image. Copilot writes <c>copilot-cli</c>; this tool writes <c>copilot-job</c>.</summary>
    public const string BuilderLabel = "com.aws.copilot.image.builder";

    /// <summary>Label naming the container the image is for.</summary>
    public const string ContainerNameLabel = "com.aws.copilot.image.container.name";

    /// <summary>Label carrying the builder's version (here <see cref="TemplateVersion.Current"/>).</summary>
    public const string VersionLabel = "com.aws.copilot.image.version";

    /// <summary>The value of <see cref="BuilderLabel"/>.</summary>
    public const string Builder = "copilot-job";

    /// <summary>
    /// <c>build -t &lt;uri&gt;:&lt;tag&gt;... [--cache-from x]... [--target t] [--platform p] [--progress plain]
    /// [--build-arg K=V]... [--label K=V]... &lt;context&gt; -f &lt;dockerfile&gt;</c>, with build args and labels sorted by key.
    /// </summary>
    public static IReadOnlyList<string> Arguments(ContainerBuild build, string repositoryUri, DockerfileLocation location, bool ci)
    {
        var arguments = new List<string> { "build" };
        foreach (var tag in build.Tags)
        {
            arguments.AddRange(["-t", $"{repositoryUri}:{tag}"]);
        }

        foreach (var cache in build.Build.CacheFrom)
        {
            arguments.AddRange(["--cache-from", cache]);
        }

        if (!string.IsNullOrEmpty(build.Build.Target))
        {
            arguments.AddRange(["--target", build.Build.Target]);
        }

        if (!string.IsNullOrEmpty(build.Platform))
        {
            arguments.AddRange(["--platform", build.Platform]);
        }

        if (ci)
        {
            arguments.AddRange(["--progress", "plain"]);
        }

        foreach (var (key, value) in Utf8OrdinalComparer.Sorted(build.Build.Args))
        {
            arguments.AddRange(["--build-arg", $"{key}={value}"]);
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BuilderLabel] = Builder,
            [ContainerNameLabel] = build.ContainerName,
            [VersionLabel] = TemplateVersion.Current,
        };
        foreach (var (key, value) in Utf8OrdinalComparer.Sorted(labels))
        {
            arguments.AddRange(["--label", $"{key}={value}"]);
        }

        arguments.AddRange([location.Context, "-f", location.Dockerfile]);
        return arguments;
    }

    /// <summary>
    /// Where the Dockerfile and context are, as absolute paths under <paramref name="workspaceRoot"/>: the string form
    /// <c>p</c> gives Dockerfile <c>p</c> in context <c>dirname(p)</c>; the map form uses <c>dockerfile</c> and
    /// <c>context</c>, a missing context being the Dockerfile's directory and a missing Dockerfile being
    /// <c>&lt;context&gt;/Dockerfile</c>; neither gives <c>Dockerfile</c> in the workspace root.
    /// </summary>
    /// <exception cref="CopilotJobException">The Dockerfile does not exist.</exception>
    public static DockerfileLocation Locate(IFileSystem fileSystem, BuildConfig build, string workspaceRoot, string containerName, WorkspaceConfinement? confinement = null)
    {
        var (dockerfile, context) = RelativePaths(build);
        confinement ??= new WorkspaceConfinement(fileSystem, workspaceRoot);
        var location = new DockerfileLocation(
            confinement.Resolve(dockerfile, $"the Dockerfile of container \"{containerName}\"", null),
            confinement.Resolve(context, $"the build context of container \"{containerName}\"", null));
        if (!fileSystem.File.Exists(location.Dockerfile))
        {
            throw new CopilotJobException(
                $"the Dockerfile {location.Dockerfile} of container \"{containerName}\" does not exist",
                recommendation: "Paths in image.build are relative to the workspace root (the directory that holds copilot/).");
        }

        return location;
    }

    /// <summary>The Dockerfile and the build context as written (relative to the workspace root), by the rules of <see cref="Locate"/>.</summary>
    public static (string Dockerfile, string Context) RelativePaths(BuildConfig build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!string.IsNullOrEmpty(build.DockerfilePath))
        {
            return (build.DockerfilePath, DirectoryOf(build.DockerfilePath));
        }

        if (!string.IsNullOrEmpty(build.Dockerfile))
        {
            return (build.Dockerfile, string.IsNullOrEmpty(build.Context) ? DirectoryOf(build.Dockerfile) : build.Context);
        }

        return !string.IsNullOrEmpty(build.Context)
            ? ($"{build.Context.TrimEnd('/', '\\')}/Dockerfile", build.Context)
            : ("Dockerfile", ".");
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.TrimEnd('/', '\\').LastIndexOfAny(['/', '\\']);
        return slash < 0 ? "." : slash == 0 ? "/" : path[..slash];
    }
}
