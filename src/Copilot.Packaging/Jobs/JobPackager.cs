using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Validation;
using Copilot.Packaging.Output;
using Copilot.Packaging.TemplatePatches;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Packaging.Synthesis.Schedule;
using Copilot.Packaging.Upload;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Packages one Scheduled Job for one environment: workspace → manifest (load, override, validate) → records →
/// synthesis → output or diff. The single entry point the tool calls; library users can call it the same way.
/// </summary>
public sealed class JobPackager
{
    private readonly IFileSystem _fileSystem;
    private readonly IEnvironmentVariables _variables;
    private readonly IPackagingReporter _reporter;
    private readonly IChoicePrompt _prompt;
    private readonly AwsPorts? _aws;
    private readonly TimeProvider _clock;

    /// <summary>Creates a packager.</summary>
    /// <param name="fileSystem">The file system the workspace is read from and output written to.</param>
    /// <param name="variables">Environment variables, for manifest interpolation.</param>
    /// <param name="reporter">Where notices and warnings go.</param>
    /// <param name="prompt">How to ask for a job or environment when none is named.</param>
    /// <param name="aws">The AWS side (records when the workspace lacks them, downgrade guard, diff); null to work offline only.</param>
    /// <param name="clock">The clock the schedule's next run times are counted from; the system clock by default.</param>
    public JobPackager(IFileSystem fileSystem, IEnvironmentVariables variables, IPackagingReporter reporter, IChoicePrompt prompt, AwsPorts? aws = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _fileSystem = fileSystem;
        _variables = variables;
        _reporter = reporter;
        _prompt = prompt;
        _aws = aws;
    }

    /// <summary>Runs one <c>package</c> request.</summary>
    /// <exception cref="CopilotJobException">Anything the user can fix.</exception>
    /// <exception cref="DiffUnavailableException">With <c>--diff</c>: no comparison could be made.</exception>
    public async Task<PackageResult> PackageAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureFlagsCompatible(request);

        var prepared = await PrepareAsync(request, cancellationToken);
        var (workspace, app, job, records, manifest, schedule, manifestText, stackName) = prepared;
        var env = records.Environment.Name;
        cancellationToken.ThrowIfCancellationRequested();
        var deployed = await ReadDeployedStackAsync(request, records, stackName, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var (stack, addonsText) = await RenderAsync(request, workspace, app, job, records, manifest, schedule, manifestText, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var templateText = YamlTextWriter.Write(stack.Template);
        foreach (var note in CloudFormationLimits.Check(stack, templateText, manifest, schedule))
        {
            _reporter.Verbose(note);
        }

        if (request.Diff)
        {
            return Compare(request, job, env, stackName, deployed, stack);
        }

        if (request.OutputDirectory is null)
        {
            return new PackageResult
            {
                JobName = job, EnvironmentName = env, TemplateText = templateText,
                Parameters = stack.Configuration.Parameters, Tags = stack.Configuration.Tags,
            };
        }

        var paramsFile = request.ParamsFormat == ParamsFormat.Json
            ? new OutputFile($"{job}-{env}.params.json", TemplateConfigurationJson.Write(stack.Configuration))
            : new OutputFile($"{job}-{env}.params.yml", TemplateConfigurationYaml.Write(stack.Configuration));
        List<OutputFile> files = [new OutputFile($"{job}-{env}.stack.yml", templateText), paramsFile];
        if (addonsText is not null)
        {
            files.Add(new OutputFile($"{job}.addons.stack.yml", addonsText));
        }

        var outputDirectory = _fileSystem.Path.GetFullPath(_fileSystem.Path.Combine(request.WorkingDirectory, request.OutputDirectory));

        // The last point at which a signal stops the run: after it, the files are renamed into place together.
        cancellationToken.ThrowIfCancellationRequested();
        var written = new AtomicFileWriter(_fileSystem).WriteAll(outputDirectory, files, cancellationToken);
        return new PackageResult
        {
            JobName = job, EnvironmentName = env, WrittenFiles = written,
            Parameters = stack.Configuration.Parameters, Tags = stack.Configuration.Tags,
        };
    }

    /// <summary>
    /// The first half of a run, shared by <c>package</c> and <c>deploy</c>: workspace, job, records, manifest (loaded,
    /// validated, subnets resolved, environment features checked) and the stack name. Nothing is uploaded yet.
    /// </summary>
    internal async Task<PreparedJob> PrepareAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        var workspace = CopilotWorkspace.Find(_fileSystem, request.WorkingDirectory);
        var app = request.ApplicationName ?? workspace.ApplicationName
            ?? throw new CopilotJobException(
                "could not find an application attached to this workspace",
                recommendation: "Name the application with -a, or add `application: <name>` to copilot/.workspace.");
        CopilotNames.Ensure("application", app, request.ApplicationName is null ? "copilot/.workspace" : "-a/--app");
        var job = await SelectJobAsync(request, workspace, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var records = await ResolveRecordsAsync(request, workspace, app, cancellationToken);
        var env = records.Environment.Name;

        cancellationToken.ThrowIfCancellationRequested();
        var loaded = LoadManifest(request, workspace, app, job, env);
        var schedule = ConvertSchedule(loaded.Manifest);
        _reporter.Info(ScheduleExplanation.Describe(loaded.Manifest.Schedule ?? string.Empty, schedule, _clock.GetUtcNow()));
        var manifest = await ResolveSubnetsFromTagsAsync(request, loaded.Manifest, records.Environment, cancellationToken);
        EnvironmentFeatureCheck.Ensure(
            manifest, env, records.Environment.Version, records.Environment.Features,
            _fileSystem.File.Exists(_fileSystem.Path.Combine(workspace.CopilotDirectory, "environments", env, "manifest.yml")));

        return new PreparedJob(workspace, app, job, records, manifest, schedule, loaded.InterpolatedText, WorkloadStackName.Of(app, env, job));
    }

    /// <summary>The second half for <c>deploy</c>: uploads (as <c>--upload-assets</c>), synthesis and overrides.</summary>
    internal async Task<JobStack> RenderUploadedAsync(JobPackageRequest request, PreparedJob prepared, CancellationToken cancellationToken)
    {
        var (stack, _) = await RenderAsync(
            request with { UploadAssets = true }, prepared.Workspace, prepared.App, prepared.Job, prepared.Records,
            prepared.Manifest, prepared.Schedule, prepared.ManifestText, cancellationToken);
        return stack;
    }

    // Only the named job's manifest is read when -n is given: another workload's broken or hostile manifest cannot
    // fail (or stall) packaging this one. Without -n every manifest header is read to offer the jobs, and a manifest
    // that cannot be read is left out of the offer with a warning.
    private async Task<string> SelectJobAsync(JobPackageRequest request, CopilotWorkspace workspace, CancellationToken cancellationToken)
    {
        if (request.JobName is { } named)
        {
            CopilotNames.Ensure("job", named, "-n/--name");
            if (!InputFiles.Exists(_fileSystem, workspace.ManifestPath(named)))
            {
                var (known, _) = ListWorkloads(workspace, warn: false);
                var listed = known.Count == 0 ? "there are no jobs" : $"jobs: {string.Join(", ", known)}";
                throw new CopilotJobException($"job '{named}' does not exist in the workspace ({listed})");
            }

            EnsureScheduledJob(named, ReadHeader(workspace, named));
            return named;
        }

        var (jobs, others) = ListWorkloads(workspace, warn: true);
        var job = await new NameSelector(_prompt, _reporter).SelectAsync(
            "job", "-n/--name", "Which job would you like to generate a CloudFormation template for?", jobs, cancellationToken);
        if (others.TryGetValue(job, out var other))
        {
            EnsureScheduledJob(job, other);
        }

        CopilotNames.Ensure("job", job, $"the directory copilot/{job}");
        return job;
    }

    private static void EnsureScheduledJob(string job, ManifestHeader header)
    {
        if (!header.IsScheduledJob)
        {
            throw new CopilotJobException(
                $"workload '{job}' is a {header.Type ?? "workload without a type"}, not a {ManifestHeader.ScheduledJobType}: this tool packages Scheduled Jobs only",
                header.TypeLocation ?? header.NameLocation);
        }
    }

    // The name and type of copilot/<directory>/manifest.yml; the name must match the directory.
    private ManifestHeader ReadHeader(CopilotWorkspace workspace, string directory)
    {
        var path = workspace.ManifestPath(directory);
        var displayPath = workspace.DisplayPath(path);
        var header = ManifestLoader.ReadHeader(ManifestSource.FromBytes(InputFiles.ReadBytes(_fileSystem, path, displayPath), displayPath));
        if (header.Name != directory)
        {
            throw new CopilotJobException(
                $"name of the manifest \"{header.Name}\" and directory \"{directory}\" do not match",
                header.NameLocation ?? new SourceLocation(displayPath, 1, 1),
                $"Set name: {directory} in the manifest, or rename the directory.");
        }

        return header;
    }

    // Read, interpolate, apply the environment's override, bind and validate; warnings go to the reporter.
    private LoadedManifest LoadManifest(JobPackageRequest request, CopilotWorkspace workspace, string app, string job, string env)
    {
        var manifestPath = workspace.ManifestPath(job);
        var loaded = ManifestLoader.Load(
            ManifestSource.FromBytes(InputFiles.ReadBytes(_fileSystem, manifestPath, workspace.DisplayPath(manifestPath)), workspace.DisplayPath(manifestPath)),
            new ManifestLoadOptions { AppName = app, EnvName = env, Variables = _variables, Strict = request.Strict, ExpectedName = job });
        foreach (var warning in loaded.Warnings)
        {
            _reporter.Warning(warning.ToString());
        }

        var problems = ManifestValidator.Validate(loaded.Manifest);
        return problems.Count > 0 ? throw new CopilotJobException(problems) : loaded;
    }

    // Addons, uploads (with --upload-assets), synthesis and YAML patches: the template tree and the addons template text.
    private async Task<(JobStack Stack, string? AddonsText)> RenderAsync(
        JobPackageRequest request, CopilotWorkspace workspace, string app, string job, ResolvedRecords records,
        Manifest.Model.ScheduledJobManifest manifest, string schedule, string manifestText, CancellationToken cancellationToken)
    {
        var jobDirectory = _fileSystem.Path.Combine(workspace.CopilotDirectory, job);
        var addons = AddonsReader.Read(_fileSystem, _fileSystem.Path.Combine(jobDirectory, "addons"), $"copilot/{job}/addons");
        foreach (var warning in addons?.Warnings ?? [])
        {
            _reporter.Warning(warning.ToString());
        }

        var input = new JobStackInput
        {
            Manifest = manifest,
            Application = records.Application,
            Environment = records.Environment,
            Regional = records.Regional,
            ManifestText = manifestText,
            Addons = addons,
            EnvControllerCode = EnvControllerCode.Locate(records.Regional.Bucket),
        };
        var addonsText = addons?.Text;
        if (request.UploadAssets)
        {
            // Before anything is built or uploaded: every local path must stay inside the workspace.
            LocalPaths.Check(Confinement(request, workspace), manifest, job, addons, _fileSystem);
            var uploaded = await UploadAsync(request, workspace, app, job, records, manifest, addons, cancellationToken);
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
        else
        {
            if (request.Tag is not null)
            {
                _reporter.Warning("--tag has no effect without --upload-assets: only images this tool builds and pushes are tagged.");
            }

            if (manifest.Image.Build is not null)
            {
                _reporter.Info("The ContainerImage parameter is empty: image.build is set and --upload-assets was not given. Set it to the image URI when you deploy, or package with --upload-assets.");
            }
        }

        // The schedule was converted (and its errors located) already: hand the result over instead of converting again.
        cancellationToken.ThrowIfCancellationRequested();
        var stack = new JobTemplateSynthesizer((_, _) => schedule).Synthesize(input);
        ExternalObjects.ReportNotUploaded(_reporter, request, input, _fileSystem, workspace.RootDirectory);
        var overrides = WorkloadOverrides.Load(_fileSystem, _fileSystem.Path.Combine(jobDirectory, "overrides"), $"copilot/{job}/overrides");
        if (overrides is not null)
        {
            overrides.Apply(stack.Template);
            _reporter.Info($"Applied {overrides.PatchCount} patch(es) from {overrides.PatchFile}.");
        }

        return (stack, addonsText);
    }

    private async Task<UploadResult> UploadAsync(
        JobPackageRequest request, CopilotWorkspace workspace, string app, string job, ResolvedRecords records,
        Manifest.Model.ScheduledJobManifest manifest, AddonsTemplate? addons, CancellationToken cancellationToken)
    {
        if (_aws is null)
        {
            throw new CopilotJobException(
                "--upload-assets needs AWS: it pushes images to ECR and uploads assets to S3, and this run has no AWS access",
                recommendation: "Run with AWS credentials and a region configured (AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION).");
        }

        return await _aws.Assets.UploadAssetsAsync(
            new UploadRequest
            {
                Manifest = manifest,
                ApplicationName = app,
                JobName = job,
                EnvironmentName = records.Environment.Name,
                WorkspaceRoot = workspace.RootDirectory,
                AllowedOutsideWorkspace = [.. request.AllowedOutsideWorkspace.Select(d => _fileSystem.Path.GetFullPath(_fileSystem.Path.Combine(request.WorkingDirectory, d)))],
                Regional = records.Regional,
                Environment = records.Environment,
                Tag = request.Tag,
                Addons = addons,
                Reporter = _reporter,
            },
            cancellationToken);
    }

    private WorkspaceConfinement Confinement(JobPackageRequest request, CopilotWorkspace workspace) =>
        new(_fileSystem, workspace.RootDirectory, [.. request.AllowedOutsideWorkspace.Select(d => _fileSystem.Path.GetFullPath(_fileSystem.Path.Combine(request.WorkingDirectory, d)))]);

    private static void EnsureFlagsCompatible(JobPackageRequest request)
    {
        if (request.OutputDirectory is { } outputDirectory && string.IsNullOrWhiteSpace(outputDirectory))
        {
            throw new CopilotJobException(
                "--output-dir is empty: name the directory to write to",
                recommendation: "Use --output-dir . to write to the current directory, or leave --output-dir out to print the template.");
        }

        if (request.Tag is { } tag)
        {
            ImageReferences.EnsureTag(tag, "--tag");
        }

        if (request.Diff && request.OutputDirectory is not null)
        {
            throw new CopilotJobException("--diff and --output-dir cannot be used together: --diff prints a comparison and writes no files");
        }

        if (request.Diff && request.UploadAssets)
        {
            throw new CopilotJobException("--diff and --upload-assets cannot be used together: --diff compares without uploading anything");
        }
    }

    // The schedule is converted once, before rendering, so that its error carries the manifest location.
    private static string ConvertSchedule(Manifest.Model.ScheduledJobManifest manifest)
    {
        try
        {
            return ScheduleConverter.ToAwsExpression(manifest.Schedule ?? string.Empty, manifest.Name);
        }
        catch (CopilotJobException ex) when (ex.Location is null)
        {
            throw new CopilotJobException(ex.Message, manifest.Source.Locate("on.schedule"), ex.Recommendation, ex);
        }
    }

    // copilot's "load dynamic content" step (after validation): subnets chosen by tags become the IDs EC2 finds in the
    // environment's region. Without AWS the tags stay, and synthesis says that they need AWS or explicit IDs.
    private async Task<Manifest.Model.ScheduledJobManifest> ResolveSubnetsFromTagsAsync(
        JobPackageRequest request, Manifest.Model.ScheduledJobManifest manifest, EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        if (_aws is null || manifest.Network is not { SubnetsFromTags: { Count: > 0 } tags } network)
        {
            return manifest;
        }

        var location = manifest.Source.Locate(NetworkPlacement.FromTagsField);
        CopilotJobException error;
        try
        {
            var ids = await _aws.Subnets.ResolveSubnetsAsync(environment, tags, cancellationToken);
            if (ids.Count > 0)
            {
                _reporter.Verbose($"Subnets with the tags of {NetworkPlacement.FromTagsField}: {string.Join(", ", ids)}.");
                return manifest with { Network = network with { SubnetIds = ids, SubnetsFromTags = null } };
            }

            var wanted = string.Join("; ", tags.Select(t => $"{t.Key}: {string.Join(" or ", t.Value)}"));
            error = new CopilotJobException(
                $"no subnet in region {environment.Region} has the tags of from_tags ({wanted})",
                location,
                "Check the tag names and values on the subnets of the environment's region, or " + NetworkPlacement.ListSubnetIdsAdvice);
        }
        catch (CopilotJobException ex) when (ex is not DiffUnavailableException)
        {
            var advice = ex.Recommendation is null
                ? "Fix the cause, or " + NetworkPlacement.ListSubnetIdsAdvice
                : $"{ex.Recommendation} Alternatively, {NetworkPlacement.ListSubnetIdsAdvice}";
            error = new CopilotJobException($"load dynamic content: get subnet IDs: {ex.Message}", location, advice, ex);
        }

        throw request.Diff ? new DiffUnavailableException($"no diff: {error.Describe()}", error.Recommendation, error) : error;
    }

    private async Task<ResolvedRecords> ResolveRecordsAsync(JobPackageRequest request, CopilotWorkspace workspace, string app, CancellationToken cancellationToken)
    {
        var resolver = new RecordStoreResolver(_fileSystem, _aws is null ? null : _aws.RecordStore, _reporter);
        var workspaceRecords = resolver.ReadWorkspaceRecords(workspace);
        var env = request.EnvironmentName;
        if (env is not null)
        {
            CopilotNames.Ensure("environment", env, "-e/--env");
        }
        else
        {
            var listing = await resolver.ForListingAsync(workspaceRecords, app, cancellationToken);
            env = await new NameSelector(_prompt, _reporter).SelectAsync(
                "environment", "-e/--env", "Which environment would you like to package this stack for?",
                await listing.ListEnvironmentsAsync(app, cancellationToken), cancellationToken);
        }

        var store = await resolver.ForEnvironmentAsync(workspaceRecords, app, env, cancellationToken);
        var fromAws = !ReferenceEquals(store, workspaceRecords);
        try
        {
            var application = await store.GetApplicationAsync(app, cancellationToken);
            var environment = await store.GetEnvironmentAsync(app, env, cancellationToken);
            CopilotNames.Ensure("application", application.Name, store.Source);
            CopilotNames.Ensure("environment", environment.Name, store.Source);
            var regional = await store.GetRegionalResourcesAsync(application, environment.Region, cancellationToken);
            _reporter.Info($"Using records for environment {env} from {store.Source}.");
            return new ResolvedRecords(application, environment, regional, fromAws);
        }
        catch (CopilotJobException ex) when (request.Diff && fromAws && ex is not DiffUnavailableException)
        {
            throw new DiffUnavailableException($"no diff: {ex.Message}", ex.Recommendation, ex);
        }
    }

    private async Task<DeployedStack?> ReadDeployedStackAsync(JobPackageRequest request, ResolvedRecords records, string stackName, CancellationToken cancellationToken)
    {
        var needsVersion = !request.AllowDowngrade && records.FromAws;
        if (!request.Diff && !needsVersion)
        {
            if (!request.AllowDowngrade)
            {
                _reporter.Verbose($"Downgrade check skipped: records come from the workspace, so stack {stackName} is not read.");
            }

            return null;
        }

        if (_aws is null)
        {
            throw new DiffUnavailableException(
                "--diff needs AWS: it compares with the deployed stack, and this run has no AWS access",
                "Run with AWS credentials and a region configured (AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION).");
        }

        try
        {
            var source = await _aws.DeployedStacks.ForEnvironmentAsync(records.Environment, cancellationToken);
            if (!request.Diff)
            {
                TemplateVersionComparer.EnsureNotDowngrade(request.JobName ?? stackName, await source.GetDeployedVersionAsync(stackName, cancellationToken));
                return null;
            }

            var deployed = await source.GetDeployedStackAsync(stackName, cancellationToken);
            if (!request.AllowDowngrade && deployed is not null)
            {
                TemplateVersionComparer.EnsureNotDowngrade(
                    request.JobName ?? stackName, DeployedStackComparison.TemplateVersionOf(deployed.TemplateBody, stackName));
            }

            return deployed;
        }
        catch (CopilotJobException ex) when (request.Diff && ex is not DiffUnavailableException && !IsDowngrade(ex))
        {
            throw new DiffUnavailableException($"no diff: {ex.Message}", ex.Recommendation, ex);
        }
    }

    private static bool IsDowngrade(CopilotJobException ex) => ex.Message.StartsWith("cannot downgrade", StringComparison.Ordinal);

    private PackageResult Compare(JobPackageRequest request, string job, string env, string stackName, DeployedStack? deployed, JobStack stack)
    {
        if (deployed is null)
        {
            _reporter.Info($"Stack {stackName} does not exist yet: everything is new.");
        }

        var diff = DeployedStackComparison.Compare(stackName, deployed, stack);
        return new PackageResult
        {
            JobName = job,
            EnvironmentName = env,
            DiffText = diff.ToText(new DiffWriteOptions { Color = request.DiffColor }),
            HasDiff = diff.HasChanges,
        };
    }

    private (List<string> Jobs, Dictionary<string, ManifestHeader> Others) ListWorkloads(CopilotWorkspace workspace, bool warn)
    {
        var jobs = new List<string>();
        var others = new Dictionary<string, ManifestHeader>(StringComparer.Ordinal);
        foreach (var directory in workspace.ListWorkloadDirectories())
        {
            ManifestHeader header;
            try
            {
                header = ReadHeader(workspace, directory);
            }
            catch (CopilotJobException ex)
            {
                if (warn)
                {
                    _reporter.Warning($"{ex.Describe()} (workload \"{directory}\" is left out of the choice)");
                }

                continue;
            }

            if (header.IsScheduledJob)
            {
                jobs.Add(directory);
            }
            else
            {
                others[directory] = header;
            }
        }

        return (jobs, others);
    }

    /// <summary>The records a run uses, and whether they came from AWS.</summary>
    internal sealed record ResolvedRecords(ApplicationRecord Application, EnvironmentRecord Environment, RegionalResources Regional, bool FromAws);

    /// <summary>What <see cref="PrepareAsync"/> found.</summary>
    internal sealed record PreparedJob(
        CopilotWorkspace Workspace,
        string App,
        string Job,
        ResolvedRecords Records,
        Manifest.Model.ScheduledJobManifest Manifest,
        string Schedule,
        string ManifestText,
        string StackName);
}
