using Copilot.Packaging.Records;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The ports a run reaches AWS through: records (SSM and CloudFormation), deployed stacks (downgrade guard, diff),
/// subnets by tags, asset uploads and deploying. Opaque to library users: <c>Copilot.Packaging.Aws</c>'s
/// <c>AwsPortsFactory.Create</c> makes them, and <see cref="CopilotJobServices.AwsPortsFactory"/> or the
/// <see cref="JobPackager"/> constructor takes them; the repository's tests pass fakes of the ports.
/// Creating the ports must not touch AWS: an adapter resolves credentials when a port is first used.
/// </summary>
public sealed class AwsPorts : IDisposable
{
    /// <summary>Creates the ports.</summary>
    /// <param name="recordStore">
    /// Opens the store of copilot's records, when the workspace lacks them; called at most once per run, and where it
    /// cannot reach AWS it throws then (before any record is read).
    /// </param>
    /// <param name="deployedStacks">The deployed workload stacks.</param>
    /// <param name="subnets">Subnets by tags.</param>
    /// <param name="assets">Image and asset uploads.</param>
    /// <param name="owner">Released with the ports (the adapter's HTTP client); null when there is nothing to release.</param>
    internal AwsPorts(Func<IRecordStore> recordStore, IDeployedStacks deployedStacks, ISubnetLookup subnets, IAssetPublisher assets, IDisposable? owner = null)
    {
        RecordStore = recordStore;
        DeployedStacks = deployedStacks;
        Subnets = subnets;
        Assets = assets;
        Owner = owner;
    }

    /// <summary>Opens the store of copilot's records (see the constructor).</summary>
    internal Func<IRecordStore> RecordStore { get; }

    /// <summary>The deployed workload stacks.</summary>
    internal IDeployedStacks DeployedStacks { get; }

    /// <summary>Subnets by tags.</summary>
    internal ISubnetLookup Subnets { get; }

    /// <summary>Image and asset uploads.</summary>
    internal IAssetPublisher Assets { get; }

    /// <summary>Released with the ports; null when there is nothing to release.</summary>
    internal IDisposable? Owner { get; }

    /// <summary>CloudFormation and the template bucket for <c>deploy</c>; null where deploying is not supported.</summary>
    internal Deploy.IDeployConnector? Deploy { get; init; }

    /// <inheritdoc />
    public void Dispose() => Owner?.Dispose();
}
