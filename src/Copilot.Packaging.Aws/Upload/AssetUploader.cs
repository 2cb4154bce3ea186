using System.IO.Abstractions;
using Amazon.Runtime;
using Amazon.S3;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Aws.Upload;

/// <summary>
/// <c>--upload-assets</c>: builds and pushes the job's container images to ECR, uploads its env files, packaged
/// addons template and env-controller code to the application's artifact bucket, and returns what the template and
/// parameters must point at. Steps run in copilot's order (images, env files, addons, custom resources); the first
/// failure stops the run. S3 keys are content hashes, so a re-run with unchanged content uploads nothing.
/// </summary>
internal sealed class AssetUploader
{
    private readonly AwsContext aws;
    private readonly IProcessRunner processes;
    private readonly IFileSystem fileSystem;
    private readonly IEnvironmentVariables variables;

    /// <summary>Creates an uploader.</summary>
    /// <param name="aws">Credentials, region and endpoints: ECR with the default credentials, S3 with the environment's manager role.</param>
    /// <param name="processes">Runs <c>docker</c> and <c>git</c>.</param>
    /// <param name="fileSystem">Reads env files, addons assets, Dockerfiles and the docker config.</param>
    /// <param name="variables">Reads <c>CI</c> and <c>HOME</c>.</param>
    public AssetUploader(AwsContext aws, IProcessRunner processes, IFileSystem fileSystem, IEnvironmentVariables variables)
    {
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(variables);
        this.aws = aws;
        this.processes = processes;
        this.fileSystem = fileSystem;
        this.variables = variables;
    }

    /// <summary>Builds, pushes and uploads everything the job needs.</summary>
    /// <exception cref="CopilotJobException">
    /// Anything that stops the upload, as <c>upload resources required for deployment for &lt;job&gt;: &lt;step&gt;: &lt;cause&gt;</c>.
    /// </exception>
    public async Task<UploadResult> UploadAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await UploadAllAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (CopilotJobException ex)
        {
            throw new CopilotJobException(
                $"upload resources required for deployment for {request.JobName}: {ex.Message}",
                recommendation: ex.Recommendation,
                innerException: ex);
        }
    }

    private async Task<UploadResult> UploadAllAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var images = await new ImagePublisher(processes, fileSystem, variables, region => aws.Ecr(region))
            .PublishAsync(request, cancellationToken).ConfigureAwait(false);

        var region = request.Environment.Region;
        var partition = AwsPartitions.ForRegion(region);
        var bucket = request.Regional.Bucket;
        using var s3 = await CreateS3ClientAsync(request, cancellationToken).ConfigureAwait(false);
        var uploads = new ArtifactUploads(new S3ArtifactStore(aws, s3, bucket, region), request.Reporter);

        var envFiles = await UploadEnvFilesAsync(request, uploads, partition, cancellationToken).ConfigureAwait(false);

        string? packagedAddons = null;
        var addonsUrl = string.Empty;
        if (request.Addons is { } addons)
        {
            try
            {
                packagedAddons = await new AddonsPackager(fileSystem, uploads)
                    .PackageAsync(addons, request.JobName, new WorkspaceConfinement(fileSystem, request.WorkspaceRoot, request.AllowedOutsideWorkspace), cancellationToken).ConfigureAwait(false);
            }
            catch (CopilotJobException ex)
            {
                throw Wrap("package addons", ex);
            }

            var key = ArtifactPaths.AddonsTemplate(request.JobName, packagedAddons);
            var bytes = System.Text.Encoding.UTF8.GetBytes(packagedAddons);
            await Step($"put addons artifact to bucket {bucket}", () => uploads.EnsureAsync(key, () => bytes, "addons template", cancellationToken)).ConfigureAwait(false);
            addonsUrl = ArtifactPaths.Url(bucket, region, key);
        }

        var envController = EnvControllerCode.Locate(bucket);
        await Step(
            $"upload custom resources for \"{request.JobName}\": upload custom resource \"EnvControllerFunction\"",
            () => uploads.EnsureAsync(envController.Key, () => EnvControllerCode.Zip, "env-controller function code", cancellationToken)).ConfigureAwait(false);

        return new UploadResult
        {
            ContainerImage = images.Main,
            SidecarImages = images.Sidecars,
            EnvFileArns = envFiles,
            AddonsTemplateUrl = addonsUrl,
            PackagedAddonsTemplate = packagedAddons,
            EnvControllerCode = envController,
        };
    }

    /// <summary>The env file of each container that has one: main (job name), sidecars in manifest order, then the log router.</summary>
    internal static IReadOnlyList<(string Container, string Path)> EnvFiles(ScheduledJobManifest manifest, string job)
    {
        var files = new List<(string, string)>();
        if (!string.IsNullOrEmpty(manifest.EnvFile))
        {
            files.Add((job, manifest.EnvFile));
        }

        files.AddRange(manifest.Sidecars.Where(s => !string.IsNullOrEmpty(s.Value.EnvFile)).Select(s => (s.Key, s.Value.EnvFile!)));
        if (manifest.Logging?.EnvFile is { Length: > 0 } logging)
        {
            files.Add((LoggingConfig.FireLensContainerName, logging));
        }

        return files;
    }

    private async Task<IReadOnlyDictionary<string, string>> UploadEnvFilesAsync(UploadRequest request, ArtifactUploads uploads, string partition, CancellationToken cancellationToken)
    {
        var arns = new Dictionary<string, string>(StringComparer.Ordinal);
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (container, path) in EnvFiles(request.Manifest, request.JobName))
        {
            if (!byPath.TryGetValue(path, out var arn))
            {
                var confinement = new WorkspaceConfinement(fileSystem, request.WorkspaceRoot, request.AllowedOutsideWorkspace);
                byte[] content;
                try
                {
                    content = InputFiles.ReadBytes(fileSystem, confinement.Resolve(path, "env_file", null), path, action: $"read env file {path}");
                }
                catch (CopilotJobException ex) when (ex.Recommendation is null)
                {
                    throw new CopilotJobException(ex.Message, ex.Location, "env_file paths are relative to the workspace root (the directory that holds copilot/).", ex);
                }

                var key = ArtifactPaths.EnvFile(path, content);
                await Step($"put env file {path} artifact to bucket {uploads.Bucket}", () => uploads.EnsureAsync(key, () => content, $"env file {path}", cancellationToken)).ConfigureAwait(false);
                arn = ArtifactPaths.Arn(partition, uploads.Bucket, key);
                byPath[path] = arn;
            }

            arns[container] = arn;
        }

        return arns;
    }

    private async Task<IAmazonS3> CreateS3ClientAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var environment = request.Environment;
        AWSCredentials credentials = aws.Credentials;
        if (environment.ManagerRoleArn.Length > 0)
        {
            try
            {
                credentials = await aws.AssumeRoleAsync(environment.ManagerRoleArn, environment.Region, cancellationToken).ConfigureAwait(false);
            }
            catch (CopilotJobException ex)
            {
                throw Wrap($"assume the manager role {environment.ManagerRoleArn} of environment {request.EnvironmentName}", ex);
            }
        }

        var config = aws.ConfigureSdk(new AmazonS3Config(), environment.Region);
        if (!string.IsNullOrEmpty(config.ServiceURL))
        {
            // Custom endpoints (moto, LocalStack) rarely resolve <bucket>.<host>; path style always works there.
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(credentials, config);
    }

    private static async Task Step(string step, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (CopilotJobException ex)
        {
            throw Wrap(step, ex);
        }
    }

    private static CopilotJobException Wrap(string step, CopilotJobException inner) =>
        new($"{step}: {inner.Message}", recommendation: inner.Recommendation, innerException: inner);
}
