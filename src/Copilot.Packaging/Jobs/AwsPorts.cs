using Copilot.Packaging.Records;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The ports a run reaches AWS through: records (SSM and CloudFormation), deployed stacks (downgrade guard,
/// <c>--diff</c>), subnets by tags and asset uploads. <c>Copilot.Packaging.Aws</c> provides them; tests pass fakes.
/// Creating the ports must not touch AWS: an adapter resolves credentials when a port is first used.
/// </summary>
/// <param name="RecordStore">
/// Opens the store of copilot's records, when the workspace lacks them; called at most once per run, and where it
/// cannot reach AWS it throws then (before any record is read).
/// </param>
/// <param name="DeployedStacks">The deployed workload stacks.</param>
/// <param name="Subnets">Subnets by tags.</param>
/// <param name="Assets">Image and asset uploads.</param>
/// <param name="Owner">Released with the ports (the adapter's HTTP client); null when there is nothing to release.</param>
public sealed record AwsPorts(Func<IRecordStore> RecordStore, IDeployedStacks DeployedStacks, ISubnetLookup Subnets, IAssetPublisher Assets, IDisposable? Owner = null) : IDisposable
{
    /// <summary>CloudFormation and the template bucket for <c>deploy</c>; null where deploying is not supported.</summary>
    public Deploy.IDeployConnector? Deploy { get; init; }

    /// <inheritdoc />
    public void Dispose() => Owner?.Dispose();
}
