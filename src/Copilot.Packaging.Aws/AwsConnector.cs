using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Amazon.S3;
using Copilot.Packaging.Adapters;
using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Aws.Ec2;
using Copilot.Packaging.Aws.Records;
using Copilot.Packaging.Aws.Upload;
using Copilot.Packaging.Deploy;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Aws;

/// <summary>
/// Connects a run to AWS lazily: the <see cref="AwsContext"/> (credentials, region, endpoints) is resolved the first time
/// something needs AWS, so offline packaging never asks for credentials. It implements every AWS port of the core;
/// <see cref="AwsPortsFactory"/> hands them out.
/// </summary>
internal sealed class AwsConnector : IDeployedStacks, ISubnetLookup, IAssetPublisher, IDeployConnector, IDisposable
{
    private readonly Lazy<AwsContext> _context;
    private readonly Lazy<AwsRecordStore> _records;
    private readonly IFileSystem _fileSystem;
    private readonly IEnvironmentVariables _variables;
    private readonly IProcessRunner _processes;
    private readonly List<IDisposable> _clients = [];

    /// <summary>Creates a connector that will resolve its context from <paramref name="options"/>.</summary>
    /// <param name="options">Credentials, region and endpoint settings.</param>
    /// <param name="fileSystem">The file system uploads read from; the real one by default.</param>
    /// <param name="processes">Runs docker and git for uploads; the real runner by default.</param>
    public AwsConnector(AwsContextOptions options, IFileSystem? fileSystem = null, IProcessRunner? processes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fileSystem = fileSystem ?? new FileSystem();
        _variables = options.Environment ?? ProcessEnvironmentVariables.Instance;
        _processes = processes ?? new ProcessRunner(options.Environment);
        _context = new Lazy<AwsContext>(() => AwsContext.Create(options));
        _records = new Lazy<AwsRecordStore>(() => new AwsRecordStore(_context.Value));
    }

    /// <summary>The record store that reads copilot's records from AWS (resolves the AWS context on first call).</summary>
    public IRecordStore RecordStore() => _records.Value;

    /// <summary>This connector as the core's ports; disposing them disposes the connector.</summary>
    public AwsPorts Ports() => new(RecordStore, this, this, this, this) { Deploy = this };

    /// <inheritdoc />
    public async Task<IDeployedStackSource> ForEnvironmentAsync(EnvironmentRecord environment, CancellationToken cancellationToken) =>
        await WorkloadStackReader.ForEnvironmentAsync(_context.Value, environment, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ResolveSubnetsAsync(
        EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken) =>
        SubnetLookup.FindByTagsAsync(_context.Value, environment, tags, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="CopilotJobException">
    /// No AWS context could be resolved (says that <c>--upload-assets</c> needs AWS, and why none was found), or the upload failed.
    /// </exception>
    public Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        AwsContext context;
        try
        {
            context = _context.Value;
        }
        catch (CopilotJobException ex)
        {
            // With a records file nothing else needed AWS, so say why this run suddenly does.
            throw new CopilotJobException(
                $"--upload-assets needs AWS (it pushes images to ECR and uploads assets to S3): {ex.Message}",
                recommendation: ex.Recommendation,
                innerException: ex);
        }

        return new AssetUploader(context, _processes, _fileSystem, _variables).UploadAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DeployTarget> ConnectAsync(EnvironmentRecord environment, RegionalResources regional, IPackagingReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(regional);
        var context = _context.Value;
        var credentials = await context.EnvironmentCredentialsAsync(environment, cancellationToken).ConfigureAwait(false);
        var cloudFormation = new CloudFormationStackDeployer(context.QueryClient("CloudFormation", "cloudformation", environment.Region, credentials, "2010-05-15"));
        var config = context.ConfigureSdk(new AmazonS3Config(), environment.Region);
        if (!string.IsNullOrEmpty(config.ServiceURL))
        {
            // Custom endpoints (moto, LocalStack) rarely resolve <bucket>.<host>; path style always works there.
            config.ForcePathStyle = true;
        }

        var s3 = new AmazonS3Client(credentials, config);
        _clients.Add(s3);
        var templates = new S3TemplateStore(new S3ArtifactStore(context, s3, regional.Bucket, environment.Region), environment.Region, reporter);
        return new DeployTarget(cloudFormation, templates);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_context.IsValueCreated)
        {
            _context.Value.Dispose();
        }
    }
}
