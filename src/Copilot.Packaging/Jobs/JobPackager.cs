using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Validation;
using Copilot.Packaging.Output;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Packaging.Workspace;
using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// Packages one Scheduled Job for one environment: workspace → manifest (load, override, validate) → records →
/// synthesis → output. The single entry point the tool calls; library users can call it the same way.
/// </summary>
public sealed class JobPackager
{
    /// <summary>The only workload type this tool packages.</summary>
    public const string ScheduledJobType = "Scheduled Job";

    private readonly IFileSystem _fileSystem;
    private readonly IEnvironmentVariables _variables;
    private readonly IPackagingReporter _reporter;
    private readonly IChoicePrompt _prompt;
    private readonly Func<IRecordStore>? _awsRecordStoreFactory;

    /// <summary>Creates a packager.</summary>
    /// <param name="fileSystem">The file system the workspace is read from and output written to.</param>
    /// <param name="variables">Environment variables, for manifest interpolation.</param>
    /// <param name="reporter">Where notices and warnings go.</param>
    /// <param name="prompt">How to ask for a job or environment when none is named.</param>
    /// <param name="awsRecordStoreFactory">Creates the AWS record store when the workspace records lack the environment; null to work offline only.</param>
    public JobPackager(
        IFileSystem fileSystem,
        IEnvironmentVariables variables,
        IPackagingReporter reporter,
        IChoicePrompt prompt,
        Func<IRecordStore>? awsRecordStoreFactory = null)
    {
        _fileSystem = fileSystem;
        _variables = variables;
        _reporter = reporter;
        _prompt = prompt;
        _awsRecordStoreFactory = awsRecordStoreFactory;
    }

    /// <summary>Runs one <c>package</c> request.</summary>
    /// <exception cref="CopilotJobException">Anything the user can fix.</exception>
    public async Task<PackageResult> PackageAsync(JobPackageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureFlagsCompatible(request);

        var workspace = CopilotWorkspace.Find(_fileSystem, request.WorkingDirectory);
        var app = request.ApplicationName ?? workspace.ApplicationName
            ?? throw new CopilotJobException(
                "could not find an application attached to this workspace",
                recommendation: "Name the application with -a, or add `application: <name>` to copilot/.workspace.");

        var selector = new NameSelector(_prompt, _reporter);
        var jobs = ListJobs(workspace);
        var job = request.JobName ?? await selector.SelectAsync(
            "job", "-n/--name", "Which job would you like to generate a CloudFormation template for?", jobs, cancellationToken);
        if (!jobs.Contains(job, StringComparer.Ordinal))
        {
            var known = jobs.Count == 0 ? "there are no jobs" : $"jobs: {string.Join(", ", jobs)}";
            throw new CopilotJobException($"job '{job}' does not exist in the workspace ({known})");
        }

        var resolver = new RecordStoreResolver(_fileSystem, _awsRecordStoreFactory);
        var workspaceRecords = resolver.ReadWorkspaceRecords(workspace);
        var env = request.EnvironmentName;
        if (env is null)
        {
            var listing = await resolver.ForListingAsync(workspaceRecords, app, cancellationToken);
            env = await selector.SelectAsync(
                "environment", "-e/--env", "Which environment would you like to package this stack for?",
                await listing.ListEnvironmentsAsync(app, cancellationToken), cancellationToken);
        }

        var records = await resolver.ForEnvironmentAsync(workspaceRecords, app, env, cancellationToken);
        var application = await records.GetApplicationAsync(app, cancellationToken);
        var environment = await records.GetEnvironmentAsync(app, env, cancellationToken);
        _reporter.Info($"Using records for environment {env} from {records.Source}.");

        var manifestPath = workspace.ManifestPath(job);
        var loaded = ManifestLoader.Load(
            new ManifestSource(_fileSystem.File.ReadAllText(manifestPath), workspace.DisplayPath(manifestPath)),
            new ManifestLoadOptions
            {
                AppName = app,
                EnvName = env,
                Variables = _variables,
                Strict = request.Strict,
                ExpectedName = job,
            });
        foreach (var warning in loaded.Warnings)
        {
            _reporter.Warning(warning.ToString());
        }

        var problems = ManifestValidator.Validate(loaded.Manifest);
        if (problems.Count > 0)
        {
            throw new CopilotJobException(problems);
        }

        EnvironmentFeatureCheck.Ensure(loaded.Manifest, env, environment.Version, environment.Features);
        var regional = await records.GetRegionalResourcesAsync(application, environment.Region, cancellationToken);

        if (request.UploadAssets)
        {
            throw new CopilotJobException(
                "--upload-assets is not available yet: it needs AWS mode",
                recommendation: "Package without --upload-assets, then build and push images yourself.");
        }

        var stack = new JobTemplateSynthesizer().Synthesize(new JobStackInput
        {
            Manifest = loaded.Manifest,
            Application = application,
            Environment = environment,
            Regional = regional,
            ManifestText = loaded.InterpolatedText,
            EnvControllerCode = EnvControllerCode.Locate(regional.Bucket),
        });
        var templateText = YamlTextWriter.Write(stack.Template);

        if (request.OutputDirectory is null)
        {
            return new PackageResult { JobName = job, EnvironmentName = env, TemplateText = templateText };
        }

        var paramsFile = request.ParamsFormat == ParamsFormat.Json
            ? new OutputFile($"{job}-{env}.params.json", TemplateConfigurationJson.Write(stack.Configuration))
            : new OutputFile($"{job}-{env}.params.yml", TemplateConfigurationYaml.Write(stack.Configuration));
        var written = new AtomicFileWriter(_fileSystem).WriteAll(
            request.OutputDirectory,
            [new OutputFile($"{job}-{env}.stack.yml", templateText), paramsFile]);
        return new PackageResult { JobName = job, EnvironmentName = env, WrittenFiles = written };
    }

    private static void EnsureFlagsCompatible(JobPackageRequest request)
    {
        if (request.Diff && request.OutputDirectory is not null)
        {
            throw new CopilotJobException("--diff and --output-dir cannot be used together: --diff prints a comparison and writes no files");
        }

        if (request.Diff && request.UploadAssets)
        {
            throw new CopilotJobException("--diff and --upload-assets cannot be used together: --diff compares without uploading anything");
        }
    }

    private List<string> ListJobs(CopilotWorkspace workspace)
    {
        var jobs = new List<string>();
        foreach (var directory in workspace.ListWorkloadDirectories())
        {
            var path = workspace.ManifestPath(directory);
            var header = ManifestLoader.ReadHeader(new ManifestSource(_fileSystem.File.ReadAllText(path), workspace.DisplayPath(path)));
            if (header.Name != directory)
            {
                throw new CopilotJobException(
                    $"name of the manifest \"{header.Name}\" and directory \"{directory}\" do not match",
                    new SourceLocation(workspace.DisplayPath(path), 1, 1),
                    $"Set name: {directory} in the manifest, or rename the directory.");
            }

            if (header.Type == ScheduledJobType)
            {
                jobs.Add(directory);
            }
        }

        return jobs;
    }
}
