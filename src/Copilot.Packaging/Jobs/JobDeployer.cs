using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Deploy;
using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// <c>deploy</c>: packages the job as <c>package --upload-assets</c> does (same packager, same uploads), uploads the
/// template under a content-hash key, and deploys it to stack <c>&lt;app&gt;-&lt;env&gt;-&lt;job&gt;</c> through a change set
/// as the environment's execution role, with copilot's capabilities, tags and parameters.
/// </summary>
internal sealed class JobDeployer
{
    private readonly JobPackager packager;
    private readonly IPackagingReporter reporter;
    private readonly AwsPorts aws;
    private readonly IDeployConnector deploy;
    private readonly TimeProvider clock;

    /// <summary>Creates a deployer.</summary>
    /// <param name="fileSystem">The file system the workspace is read from.</param>
    /// <param name="variables">Environment variables, for manifest interpolation.</param>
    /// <param name="reporter">Where notices and warnings go.</param>
    /// <param name="aws">Records from SSM, the deployed stack (downgrade guard, diff), the uploads, and <see cref="AwsPorts.Deploy"/>: CloudFormation and the template bucket.</param>
    /// <param name="clock">Delays while waiting, and elapsed times; the system clock by default.</param>
    /// <exception cref="CopilotJobException"><paramref name="aws"/> has no deploy port.</exception>
    public JobDeployer(IFileSystem fileSystem, IEnvironmentVariables variables, IPackagingReporter reporter, AwsPorts aws, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var deploy = aws.Deploy ?? throw new CopilotJobException("these AWS ports cannot deploy: they have no CloudFormation deploy port");
        this.clock = clock ?? TimeProvider.System;
        packager = new JobPackager(fileSystem, variables, reporter, aws, this.clock);
        this.reporter = reporter;
        this.aws = aws;
        this.deploy = deploy;
    }

    /// <summary>Runs one <c>deploy</c> request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Where the stack operation is reported.</param>
    /// <param name="confirmation">Asked after <c>--diff</c>; not used without it.</param>
    /// <param name="cancellationToken">Ctrl+C: before execution it stops the run; while the stack operation runs it deletes a creation or cancels an update.</param>
    /// <exception cref="CopilotJobException">Anything the user can fix, including a stack that ended in a failure status (with this operation's failure reasons).</exception>
    public async Task<JobDeployResult> DeployAsync(JobDeployRequest request, IDeployProgress progress, IDeployConfirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(confirmation);
        var packageRequest = new JobPackageRequest
        {
            WorkingDirectory = request.WorkingDirectory,
            JobName = request.JobName,
            EnvironmentName = request.EnvironmentName,
            ApplicationName = request.ApplicationName,
            Mode = new PackageMode.Print { Assets = new AssetUpload { Tag = request.Tag } },
            AllowDowngrade = request.AllowDowngrade,
            Strict = request.Strict,
            AllowedOutsideWorkspace = request.AllowedOutsideWorkspace,
        };
        // The deployed stack's reads start with the environment stack's (they need only the environment's region and
        // role) and are awaited where the run checks them.
        Task<DeployedReads>? deployedRead = null;
        var prepared = await packager.PrepareAsync(
            packageRequest,
            (read, app) => deployedRead = JobRecordsReader.Observed(StartDeployedReadsAsync(read.Located, app, packageRequest.JobName, request, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        var environment = prepared.Records.Environment;
        var stackName = prepared.StackName;
        var reads = await deployedRead!.ConfigureAwait(false);
        if (reads.Version is not null)
        {
            TemplateVersionComparer.EnsureNotDowngrade(prepared.Job, await reads.Version.ConfigureAwait(false));
        }

        var (rendered, templateText) = await packager.RenderUploadedAsync(packageRequest, prepared, cancellationToken).ConfigureAwait(false);
        var tags = Tags(prepared.Records.Application.Tags, request.ResourceTags, rendered.Configuration.Tags);
        var stack = rendered with { Configuration = rendered.Configuration with { Tags = tags } };
        var result = new JobDeployResult { JobName = prepared.Job, EnvironmentName = environment.Name, Region = environment.Region, StackName = stackName };

        if (request.Diff)
        {
            var deployed = await reads.Stack!.ConfigureAwait(false);
            if (deployed is null)
            {
                reporter.Info($"Stack {stackName} does not exist yet: everything is new.");
            }

            var diff = DeployedStackComparison.Compare(deployed is null ? null : new DeployedTemplate(deployed, stackName), stack);
            if (!await confirmation.ConfirmAsync(diff.ToText(new DiffWriteOptions { Color = request.DiffColor }), diff.HasChanges, cancellationToken).ConfigureAwait(false))
            {
                return result with { Declined = true };
            }
        }

        var target = await deploy.ConnectAsync(environment, prepared.Records.Regional, reporter, cancellationToken).ConfigureAwait(false);
        var templateUrl = await target.Templates.PutTemplateAsync(stackName, templateText, cancellationToken).ConfigureAwait(false);
        if (environment.ExecutionRoleArn.Length == 0)
        {
            reporter.Warning($"The records of environment {environment.Name} name no CloudFormation execution role: CloudFormation acts with your own credentials.");
        }

        var outcome = await new StackDeployEngine(target.CloudFormation, reporter, clock).DeployAsync(
            new StackDeployRequest
            {
                StackName = stackName,
                TemplateUrl = templateUrl,
                Parameters = [.. stack.Configuration.Parameters],
                Tags = tags,
                RoleArn = environment.ExecutionRoleArn,
                ResourceDescriptions = ResourceDescriptions(stack.Template),
                DisableRollback = request.NoRollback,
                Detach = request.Detach,
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        if (outcome.Outcome == StackDeployOutcome.Failed)
        {
            throw new StackDeployFailedException(outcome, request.NoRollback ? RollbackAdvice(stackName, environment) : null);
        }

        return result with { Stack = outcome };
    }

    /// <summary>copilot's tags: the application's, then <c>--resource-tags</c> over them, then copilot's three reserved ones over both.</summary>
    internal static IReadOnlyDictionary<string, string> Tags(
        IReadOnlyDictionary<string, string> application, IReadOnlyDictionary<string, string> resourceTags, IReadOnlyDictionary<string, string> rendered)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in application)
        {
            tags[key] = value;
        }

        foreach (var (key, value) in resourceTags)
        {
            tags[key] = value;
        }

        foreach (var key in new[] { "copilot-application", "copilot-environment", "copilot-service" })
        {
            if (rendered.TryGetValue(key, out var value))
            {
                tags[key] = value;
            }
        }

        return new Dictionary<string, string>(tags, StringComparer.Ordinal);
    }

    /// <summary>Logical ID → <c>Metadata."aws:copilot:description"</c> of every resource that has one.</summary>
    internal static IReadOnlyDictionary<string, string> ResourceDescriptions(YamlMappingNode template)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!template.Children.TryGetValue(new YamlScalarNode("Resources"), out var resources) || resources is not YamlMappingNode map)
        {
            return descriptions;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } id } && value is YamlMappingNode resource
                && resource.Children.TryGetValue(new YamlScalarNode("Metadata"), out var metadata) && metadata is YamlMappingNode meta
                && meta.Children.TryGetValue(new YamlScalarNode("aws:copilot:description"), out var text) && text is YamlScalarNode { Value: { } description })
            {
                descriptions[id] = description;
            }
        }

        return descriptions;
    }

    // Started once the environment is located: the role session, then the version (downgrade guard) and the stack (--diff) together.
    private async Task<DeployedReads> StartDeployedReadsAsync(Task<Records.EnvironmentRecord> located, string app, string job, JobDeployRequest request, CancellationToken cancellationToken)
    {
        var environment = await located.ConfigureAwait(false);
        var stackName = Synthesis.WorkloadStackName.Of(app, environment.Name, job);
        var source = await aws.DeployedStacks.ForEnvironmentAsync(environment, cancellationToken).ConfigureAwait(false);
        return new DeployedReads(
            request.AllowDowngrade ? null : JobRecordsReader.Observed(source.GetDeployedVersionAsync(stackName, cancellationToken)),
            request.Diff ? JobRecordsReader.Observed(source.GetDeployedStackAsync(stackName, cancellationToken)) : null);
    }

    private static string RollbackAdvice(string stackName, Records.EnvironmentRecord environment) =>
        $"Rollback is disabled: the stack keeps the resources that were created or updated. Inspect it in the CloudFormation console, then either roll it back with `aws cloudformation rollback-stack --stack-name {stackName}{(environment.ExecutionRoleArn.Length > 0 ? $" --role-arn {environment.ExecutionRoleArn}" : string.Empty)}` or fix the cause and deploy again.";
}

/// <summary>The deployed stack's reads of a deploy run: its version unless downgrades are allowed, and its template, parameters and tags with <c>--diff</c>.</summary>
internal sealed record DeployedReads(Task<string?>? Version, Task<DeployedStack?>? Stack);
