using Copilot.Packaging.Jobs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Records.Aws;

namespace Copilot.Packaging.Aws;

/// <summary>
/// Connects a run to AWS lazily: the <see cref="AwsContext"/> (credentials, region, endpoints) is resolved the first time
/// something needs AWS, so offline packaging never asks for credentials.
/// </summary>
public sealed class AwsConnector : IAwsConnector, IDisposable
{
    private readonly Lazy<AwsContext> _context;
    private readonly Lazy<AwsRecordStore> _records;

    /// <summary>Creates a connector that will resolve its context from <paramref name="options"/>.</summary>
    public AwsConnector(AwsContextOptions options)
    {
        _context = new Lazy<AwsContext>(() => AwsContext.Create(options));
        _records = new Lazy<AwsRecordStore>(() => new AwsRecordStore(_context.Value));
    }

    /// <inheritdoc />
    public IRecordStore RecordStore() => _records.Value;

    /// <inheritdoc />
    public async Task<IDeployedStackSource> DeployedStacksAsync(EnvironmentRecord environment, CancellationToken cancellationToken) =>
        await WorkloadStackReader.ForEnvironmentAsync(_context.Value, environment, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_context.IsValueCreated)
        {
            _context.Value.Dispose();
        }
    }
}
