using Amazon.EC2;
using Amazon.EC2.Model;

namespace Copilot.Packaging.Aws.Ec2;

/// <summary>
/// <see cref="IEc2Client"/> over AWSSDK.EC2: each page of DescribeSubnets is one <see cref="AwsSdkCall"/> (observed,
/// within the run's AWS deadline, SDK failures turned into <see cref="AwsServiceException"/>), with the run's retry
/// settings and attempt timeout from <see cref="AwsContext.ConfigureSdk{TConfig}"/>.
/// </summary>
internal sealed class Ec2Client(AwsContext context, IAmazonEC2 ec2, string region) : IEc2Client
{
    /// <summary>The most pages followed; an endpoint that keeps answering with a next token is cut off here (and by the deadline).</summary>
    internal const int MaxPages = 1000;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DescribeSubnetIdsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? nextToken = null;
        var pages = 0;
        do
        {
            var request = new DescribeSubnetsRequest
            {
                Filters = [.. filters.Select(f => new Filter { Name = f.Name, Values = [.. f.Values] })],
                NextToken = nextToken,
            };
            var response = await AwsSdkCall.RunAsync(
                context, "EC2", "DescribeSubnets", region, () => ec2.DescribeSubnetsAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            ids.AddRange((response.Subnets ?? []).Select(subnet => subnet.SubnetId).OfType<string>().Where(id => id.Length > 0));
            nextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
        }
        while (nextToken is not null && ++pages < MaxPages);

        if (nextToken is not null)
        {
            throw new AwsServiceException("EC2", "DescribeSubnets", "TooManyPages", $"EC2 kept answering with another page after {MaxPages} pages", System.Net.HttpStatusCode.OK);
        }

        return ids;
    }

    /// <inheritdoc />
    public void Dispose() => ec2.Dispose();
}
