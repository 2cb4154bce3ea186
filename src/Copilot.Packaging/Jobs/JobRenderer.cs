using System.IO.Abstractions;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Packaging.TemplatePatches;
using Copilot.Packaging.Upload;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The rendered stack of a job, its template text (checked against CloudFormation's and ECS's limits), and the addons
/// template text to write next to it (packaged when assets were uploaded).
/// </summary>
internal sealed record RenderedJob(JobStack Stack, string TemplateText, string? AddonsText);

/// <summary>Addons, asset uploads, synthesis and the YAML patches of <c>overrides/</c>.</summary>
internal sealed class JobRenderer(IFileSystem fileSystem, IPackagingReporter reporter, IAssetPublisher? assets, JobPackageRequest request)
{
    public async Task<RenderedJob> RenderAsync(
        CopilotWorkspace workspace, string app, string job, JobRecords records, JobManifest manifest, PackageMode mode, CancellationToken cancellationToken)
    {
        var allowedOutside = request.AllowedOutsideWorkspace.Select(d => fileSystem.Path.GetFullPath(fileSystem.Path.Combine(request.WorkingDirectory, d))).ToList();
        var upload = mode.Upload;
        var jobDirectory = fileSystem.Path.Combine(workspace.CopilotDirectory, job);
        var addons = AddonsReader.Read(fileSystem, fileSystem.Path.Combine(jobDirectory, "addons"), $"copilot/{job}/addons");
        foreach (var warning in addons?.Warnings ?? [])
        {
            reporter.Warning(warning.ToString());
        }

        var input = new JobStackInput
        {
            Manifest = manifest.Manifest,
            ScheduleExpression = manifest.ScheduleExpression,
            Application = records.Application,
            Environment = records.Environment,
            Regional = records.Regional,
            ManifestText = manifest.InterpolatedText,
            Addons = addons,
            EnvControllerCode = EnvControllerCode.Locate(records.Regional.Bucket),
        };
        var addonsText = addons?.Text;
        if (upload is not null)
        {
            // Before anything is built or uploaded: every local path must stay inside the workspace.
            LocalPaths.Check(new WorkspaceConfinement(fileSystem, workspace.RootDirectory, allowedOutside), manifest.Manifest, job, addons, fileSystem);
            var uploaded = await UploadAsync(workspace, app, job, records, manifest, addons, upload, allowedOutside, cancellationToken);
            input = input with
            {
                ContainerImage = uploaded.ContainerImage,
                SidecarImages = uploaded.SidecarImages,
                EnvFileArns = uploaded.EnvFileArns,
                AddonsTemplateUrl = uploaded.AddonsTemplateUrl,
                EnvControllerCode = uploaded.EnvControllerCode,
            };
            addonsText = uploaded.PackagedAddonsTemplate ?? addonsText;
        }
        else if (manifest.Manifest.Image.Build is not null)
        {
            reporter.Info("The ContainerImage parameter is empty: image.build is set and the assets were not uploaded. Set it to the image URI when you deploy, or package with the assets uploaded.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var stack = new JobTemplateSynthesizer().Synthesize(input);
        ExternalObjects.ReportNotUploaded(reporter, mode, input, fileSystem, workspace.RootDirectory);
        var overrides = WorkloadOverrides.Load(fileSystem, fileSystem.Path.Combine(jobDirectory, "overrides"), $"copilot/{job}/overrides");
        if (overrides is not null)
        {
            overrides.Apply(stack.Template);
            reporter.Info($"Applied {overrides.PatchCount} patch(es) from {overrides.PatchFile}.");
        }

        return new RenderedJob(stack, CheckedTemplateText(stack, manifest), addonsText);
    }

    private async Task<UploadResult> UploadAsync(
        CopilotWorkspace workspace, string app, string job, JobRecords records, JobManifest manifest, AddonsTemplate? addons, AssetUpload upload, IReadOnlyList<string> allowedOutside, CancellationToken cancellationToken)
    {
        if (assets is null)
        {
            throw CopilotJobServices.NoAws("uploading assets needs AWS: it pushes images to ECR and uploads assets to S3");
        }

        return await assets.UploadAssetsAsync(
            new UploadRequest
            {
                Manifest = manifest.Manifest,
                ApplicationName = app,
                JobName = job,
                EnvironmentName = records.Environment.Name,
                WorkspaceRoot = workspace.RootDirectory,
                AllowedOutsideWorkspace = allowedOutside,
                Regional = records.Regional,
                Environment = records.Environment,
                Tag = upload.Tag,
                Addons = addons,
                Reporter = reporter,
            },
            cancellationToken);
    }

    // The template as text, refused when CloudFormation or ECS could not take it (notes go to --verbose).
    private string CheckedTemplateText(JobStack stack, JobManifest manifest)
    {
        var templateText = YamlTextWriter.Write(stack.Template);
        foreach (var note in CloudFormationLimits.Check(stack, templateText, manifest.Manifest, manifest.ScheduleExpression))
        {
            reporter.Verbose(note);
        }

        return templateText;
    }
}
