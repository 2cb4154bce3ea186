namespace Copilot.Packaging.Records;

/// <summary>The port that finds an environment's subnets by tags (<c>network.vpc.placement.subnets.from_tags</c>).</summary>
internal interface ISubnetLookup
{
    /// <summary>
    /// The IDs of the subnets in <paramref name="environment"/>'s region that carry every tag in <paramref name="tags"/>
    /// (any of the values listed for it), read as its manager role; empty when no subnet matches.
    /// </summary>
    /// <param name="environment">The environment whose region and manager role are used.</param>
    /// <param name="tags">Tag key to accepted values, as <c>network.vpc.placement.subnets.from_tags</c> gives them.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<string>> ResolveSubnetsAsync(EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken);
}
