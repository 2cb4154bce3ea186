namespace Copilot.Packaging.Aws.Ec2;

/// <summary>
/// The read-only EC2 calls packaging makes (only the subnet lookup of <c>network.vpc.placement.subnets.from_tags</c>).
/// A stand-in for AWSSDK.EC2's <c>IAmazonEC2</c>, which the package registry here does not serve; an adapter over it can
/// replace <see cref="Ec2Client"/> in <see cref="AwsContext"/>'s <c>Ec2</c> factory alone.
/// Failures throw <see cref="AwsServiceException"/>.
/// </summary>
internal interface IEc2Client
{
    /// <summary>The IDs of the subnets that match every filter, in EC2's order, following every page.</summary>
    /// <param name="filters">EC2 filters, for example <c>tag:Name</c> = <c>private-a</c>; a subnet matches a filter when it has any of its values.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<string>> DescribeSubnetIdsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken);
}
