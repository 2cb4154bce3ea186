using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;

namespace Copilot.Packaging.Aws.Ec2;

/// <summary>
/// Finds the subnets of <c>network.vpc.placement.subnets.from_tags</c> as copilot does: one EC2 DescribeSubnets filter
/// per tag (<c>tag:&lt;key&gt;</c> = the accepted values), in the environment's region, as its manager role.
/// Unlike copilot, the IDs are sorted: EC2 does not promise an order, and a template must not change between two runs
/// (or show up in <c>--diff</c>) because EC2 listed the same subnets differently.
/// </summary>
internal static class SubnetLookup
{
    /// <summary>The IDs of the subnets carrying every tag (any of the values given for it); empty when none does.</summary>
    /// <exception cref="CopilotJobException">The role could not be assumed, or EC2 refused or failed the call.</exception>
    internal static async Task<IReadOnlyList<string>> FindByTagsAsync(
        AwsContext context, EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken)
    {
        var credentials = await context.EnvironmentCredentialsAsync(environment, cancellationToken).ConfigureAwait(false);
        var filters = tags.Select(tag => Ec2Filter.Tag(tag.Key, tag.Value)).ToList();
        try
        {
            using var ec2 = context.Ec2(environment.Region, credentials);
            var ids = await ec2.DescribeSubnetIdsAsync(filters, cancellationToken).ConfigureAwait(false);
            return [.. ids.Order(StringComparer.Ordinal)];
        }
        catch (AwsServiceException ex)
        {
            throw new CopilotJobException(
                $"describe subnets in region {environment.Region}: {ex.ErrorCode}: {ex.ServiceMessage}",
                recommendation: ex.IsAccessDenied
                    ? $"The manager role of environment {environment.Name} needs ec2:DescribeSubnets."
                    : null,
                innerException: ex);
        }
    }
}
