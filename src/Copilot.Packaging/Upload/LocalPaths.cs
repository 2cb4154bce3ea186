using System.IO.Abstractions;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;

namespace Copilot.Packaging.Upload;

/// <summary>
/// Checks, before anything is built or uploaded, every local path the manifest and the addons name: env files
/// (<c>env_file</c> of the job, its sidecars and the log router), Dockerfiles and build contexts (<c>image.build</c>
/// of the job and its sidecars) and addons assets. Each must resolve, links followed, inside the confinement; env files
/// and single-file assets must be regular files. Errors point at the field that names the path.
/// </summary>
internal static class LocalPaths
{
    /// <summary>Checks the paths of <paramref name="manifest"/> and <paramref name="addons"/>.</summary>
    /// <exception cref="Errors.CopilotJobException">A path leaves the confinement or names something unreadable.</exception>
    public static void Check(WorkspaceConfinement confinement, ScheduledJobManifest manifest, string job, AddonsTemplate? addons, IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(confinement);
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var container in ContainerEnvironment.All(manifest))
        {
            if (container.EnvFile is { Length: > 0 } envFile)
            {
                var location = manifest.Source.Locate(FieldPath.Key(container.Prefix, "env_file"));
                var path = confinement.Resolve(envFile, "env_file", location);
                InputFiles.ResolveRegularFile(fileSystem, path, envFile, location);
            }
        }

        if (manifest.Image.Build is { } build)
        {
            CheckBuild(confinement, manifest, build, "image.build", job);
        }

        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            if (sidecar.ImageBuild is { } sidecarBuild)
            {
                CheckBuild(confinement, manifest, sidecarBuild, FieldPath.Key(FieldPath.Key("sidecars", name), "image.build"), name);
            }
        }

        if (addons is not null)
        {
            foreach (var asset in AddonsAssetScanner.FindLocalAssets(addons))
            {
                var where = asset.ResourceLogicalId is null ? asset.PropertyPath : $"Resources.{asset.ResourceLogicalId}.Properties.{asset.PropertyPath}";
                confinement.Resolve(asset.LocalPath, $"the addons asset at {where}", asset.Location);
            }
        }
    }

    private static void CheckBuild(WorkspaceConfinement confinement, ScheduledJobManifest manifest, BuildConfig build, string field, string container)
    {
        var (dockerfile, context) = DockerBuildCommand.RelativePaths(build);
        confinement.Resolve(dockerfile, $"the Dockerfile of container \"{container}\"", manifest.Source.Locate(string.IsNullOrEmpty(build.Dockerfile) ? field : $"{field}.dockerfile"));
        confinement.Resolve(context, $"the build context of container \"{container}\"", manifest.Source.Locate(string.IsNullOrEmpty(build.Context) ? field : $"{field}.context"));
    }
}
