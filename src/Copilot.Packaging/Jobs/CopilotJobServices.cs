using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records.Export;
using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The composition root of a run: the services every command needs, each replaceable (file system, environment
/// variables, reporter, clock, and the AWS ports), and one call per command. The tool and the in-process
/// tests build one of these; library users can too. Dispose it at the end of the run (it releases the AWS ports it made).
/// </summary>
/// <remarks>
/// <see cref="AwsPortsFactory"/> is called at most once, when a command first needs AWS; leave it null to work offline.
/// <c>Copilot.Packaging.Aws</c> provides the real factory (<c>AwsPortsFactory.Create</c>).
/// </remarks>
public sealed class CopilotJobServices : IDisposable
{
    private AwsPorts? _aws;

    /// <summary>The file system workspaces are read from and output written to; the real one by default.</summary>
    public IFileSystem FileSystem { get; init; } = new FileSystem();

    /// <summary>Environment variables (manifest interpolation, AWS settings); the process environment by default.</summary>
    public IEnvironmentVariables Variables { get; init; } = ProcessEnvironmentVariables.Instance;

    /// <summary>Where notices and warnings go; nowhere by default.</summary>
    public IPackagingReporter Reporter { get; init; } = NullPackagingReporter.Instance;

    /// <summary>The clock schedules are explained against; the system clock by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Makes the AWS ports from these services; null when the run has no AWS access.</summary>
    public Func<CopilotJobServices, AwsPorts>? AwsPortsFactory { get; init; }

    /// <summary>The AWS ports, made on first use; null when <see cref="AwsPortsFactory"/> is null.</summary>
    public AwsPorts? Aws => AwsPortsFactory is null ? null : _aws ??= AwsPortsFactory(this);

    /// <summary>A packager over these services.</summary>
    public JobPackager Packager() => new(FileSystem, Variables, Reporter, Aws, Clock);

    /// <summary>The jobs and environments to choose from, over these services.</summary>
    public WorkspaceCatalog Catalog() => new(FileSystem, Aws, Reporter);

    /// <summary>Runs one <c>package</c> request (see <see cref="JobPackager.PackageAsync"/>).</summary>
    public Task<PackageResult> PackageAsync(JobPackageRequest request, CancellationToken cancellationToken) =>
        Packager().PackageAsync(request, cancellationToken);

    /// <summary>Runs one <c>package</c> request over several jobs and environments (see <see cref="JobPackager.PackageBatchAsync"/>).</summary>
    public Task<JobBatchResult> PackageBatchAsync(JobBatchRequest request, CancellationToken cancellationToken) =>
        Packager().PackageBatchAsync(request, cancellationToken);

    /// <summary>Runs one <c>records export</c> request: the records are read through the AWS ports.</summary>
    /// <exception cref="CopilotJobException">No AWS access was configured, or what <see cref="RecordsExporter.ExportAsync"/> throws.</exception>
    public Task<RecordsExportResult> ExportRecordsAsync(RecordsExportRequest request, CancellationToken cancellationToken)
    {
        var aws = Aws ?? throw NoAws("records export needs AWS: it reads the records from SSM and CloudFormation");
        return new RecordsExporter(FileSystem, Reporter).ExportAsync(request, aws.RecordStore(), cancellationToken);
    }

    /// <summary>Runs one <c>deploy</c> request (it needs AWS).</summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Where the stack operation is reported.</param>
    /// <param name="confirmation">Asked after <c>--diff</c>.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <exception cref="CopilotJobException">No AWS ports, or anything the deploy reports.</exception>
    public Task<Deploy.JobDeployResult> DeployAsync(Deploy.JobDeployRequest request, Deploy.IDeployProgress progress, Deploy.IDeployConfirmation confirmation, CancellationToken cancellationToken)
    {
        var aws = Aws ?? throw NoAws("deploy needs AWS: it uploads assets and deploys the stack with CloudFormation");
        return new JobDeployer(FileSystem, Variables, Reporter, aws, Clock).DeployAsync(request, progress, confirmation, cancellationToken);
    }

    /// <summary>The error when something that needs AWS (<paramref name="what"/>) is asked of a run without AWS access.</summary>
    internal static CopilotJobException NoAws(string what) => new(
        $"{what}, and this run has no AWS access",
        recommendation: "Run with AWS credentials and a region configured (AWS_PROFILE or AWS_ACCESS_KEY_ID, and AWS_REGION).",
        code: CopilotJobErrorCode.AwsNotConfigured);

    /// <inheritdoc />
    public void Dispose() => _aws?.Dispose();
}
