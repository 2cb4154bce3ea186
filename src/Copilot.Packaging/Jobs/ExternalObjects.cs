using System.IO.Abstractions;
using System.Text;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Jobs;

/// <summary>An S3 object a rendered job needs that this run did not put there.</summary>
/// <param name="Where">The object as <c>s3://bucket/key</c>, or the input it would be made from when its key depends on an upload.</param>
/// <param name="What">What it is and what goes wrong without it.</param>
internal sealed record ExternalObject(string Where, string What);

/// <summary>
/// The S3 objects a job's stack refers to that only <c>--upload-assets</c> puts in place: the env-controller Lambda code
/// (its bucket and key are written into the template, so a deploy without it fails inside CloudFormation), and the env
/// files and addons template whose parameters stay empty without an upload (so the deploy drops them). Computed from the
/// synthesis input, so that offline output says once what must be in S3 before it is deployed.
/// </summary>
internal static class ExternalObjects
{
    /// <summary>Env files larger than this are listed without their content-addressed key.</summary>
    internal const long MaxHashedEnvFileBytes = 1024 * 1024;

    /// <summary>
    /// Reports, in one notice, the objects <paramref name="input"/> refers to that this run did not upload; nothing with
    /// <c>--upload-assets</c> (it uploads them) or <c>--diff</c> (nothing is deployed).
    /// </summary>
    public static void ReportNotUploaded(IPackagingReporter reporter, PackageMode mode, JobStackInput input, IFileSystem fileSystem, string workspaceRoot)
    {
        if (mode.Upload is not null || mode is PackageMode.Diff)
        {
            return;
        }

        var objects = NotUploaded(input, fileSystem, workspaceRoot);
        if (objects.Count > 0)
        {
            reporter.Warning(Describe(objects));
        }
    }

    /// <summary>The objects <paramref name="input"/> needs in S3 that only an upload creates, env-controller code first.</summary>
    public static IReadOnlyList<ExternalObject> NotUploaded(JobStackInput input, IFileSystem fileSystem, string workspaceRoot)
    {
        var bucket = input.Regional.Bucket;
        var job = input.Manifest.Name;
        var objects = new List<ExternalObject>
        {
            new($"s3://{input.EnvControllerCode.Bucket}/{input.EnvControllerCode.Key}", "the env-controller Lambda code (EnvControllerFunction); the template names this bucket and key"),
        };

        if (input.EnvFileArns.Count == 0)
        {
            foreach (var group in EnvFiles(input.Manifest, job).GroupBy(f => f.Path, StringComparer.Ordinal))
            {
                var containers = string.Join(", ", group.Select(f => f.Container));
                var where = EnvFileKey(fileSystem, workspaceRoot, group.Key) is { } key ? $"s3://{bucket}/{key}" : group.Key;
                objects.Add(new ExternalObject(where, $"env_file {group.Key} of {containers}; its ARN parameter stays empty, so the container starts without these variables"));
            }
        }

        if (input.Addons is not null && input.AddonsTemplateUrl.Length == 0)
        {
            objects.Add(new ExternalObject(
                $"copilot/{job}/addons",
                $"the addons template, uploaded to s3://{bucket}/manual/addons/{job}/ with its assets; AddonsTemplateURL stays empty, so the addons stack is not created"));
        }

        return objects;
    }

    // The env file of each container that has one, as --upload-assets uploads them: main, sidecars, then the log router.
    private static IEnumerable<(string Container, string Path)> EnvFiles(ScheduledJobManifest manifest, string job)
    {
        if (!string.IsNullOrEmpty(manifest.EnvFile))
        {
            yield return (job, manifest.EnvFile);
        }

        foreach (var (name, sidecar) in manifest.Sidecars)
        {
            if (!string.IsNullOrEmpty(sidecar.EnvFile))
            {
                yield return (name, sidecar.EnvFile);
            }
        }

        if (manifest.Logging?.EnvFile is { Length: > 0 } logging)
        {
            yield return (LoggingConfig.FireLensContainerName, logging);
        }
    }

    /// <summary>The notice: what is missing, what puts it there, then one line per object.</summary>
    internal static string Describe(IReadOnlyList<ExternalObject> objects)
    {
        var text = new StringBuilder("the template refers to S3 objects this run did not upload; package with the assets uploaded to upload them "
            + "(and fill in their parameters), or copy them there yourself before you deploy:");
        foreach (var item in objects)
        {
            text.Append('\n').Append("  ").Append(item.Where).Append(": ").Append(item.What);
        }

        return text.ToString();
    }

    // The key --upload-assets would use (content-addressed), when the file is inside the workspace and small enough to hash.
    private static string? EnvFileKey(IFileSystem fileSystem, string workspaceRoot, string path)
    {
        var root = fileSystem.Path.GetFullPath(workspaceRoot);
        var full = fileSystem.Path.GetFullPath(fileSystem.Path.Combine(root, path));
        if (!full.StartsWith(root.TrimEnd(fileSystem.Path.DirectorySeparatorChar) + fileSystem.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !fileSystem.File.Exists(full)
            || fileSystem.FileInfo.New(full).Length > MaxHashedEnvFileBytes)
        {
            return null;
        }

        try
        {
            return ArtifactPaths.EnvFile(path, fileSystem.File.ReadAllBytes(full));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
