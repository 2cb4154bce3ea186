namespace Copilot.Packaging.Aws.Ec2;

/// <summary>
/// The read-only EC2 calls packaging makes (only the subnet lookup of <c>network.vpc.placement.subnets.from_tags</c>),
/// implemented over AWSSDK.EC2 by <see cref="Ec2Client"/>. Failures throw <see cref="AwsServiceException"/> (or a
/// <see cref="Copilot.Packaging.Errors.CopilotJobException"/> for an unreachable endpoint or the AWS deadline).
/// </summary>
internal interface IEc2Client : IDisposable
{
    /// <summary>The IDs of the subnets that match every filter, in EC2's order, following every page.</summary>
    /// <param name="filters">EC2 filters, for example <c>tag:Name</c> = <c>private-a</c>; a subnet matches a filter when it has any of its values.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<string>> DescribeSubnetIdsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken);
}
