using System.Globalization;
using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Aws.Ec2;

/// <summary>
/// EC2 over the Query protocol (API version 2016-11-15). EC2's answers differ from CloudFormation's: lists are
/// <c>&lt;item&gt;</c> elements inside <c>&lt;xxxSet&gt;</c>, members are camelCase, there is no <c>&lt;Action&gt;Result</c>
/// wrapper, and errors are <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> (which <see cref="AwsQueryClient.ParseError"/> reads).
/// </summary>
internal sealed class Ec2Client(AwsQueryClient query) : IEc2Client
{
    /// <summary>The EC2 API version.</summary>
    internal const string ApiVersion = "2016-11-15";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DescribeSubnetIdsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? nextToken = null;
        do
        {
            var parameters = FilterParameters(filters);
            if (nextToken is not null)
            {
                parameters.Add(new("NextToken", nextToken));
            }

            var result = await query.CallAsync("DescribeSubnets", parameters, cancellationToken).ConfigureAwait(false);
            ids.AddRange(result.Items("subnetSet")
                .Select(subnet => subnet.ChildValue("subnetId"))
                .OfType<string>()
                .Where(id => id.Length > 0));
            nextToken = result.ChildValue("nextToken") is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return ids;
    }

    /// <summary>Flattens filters the EC2 way: <c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>, ...</summary>
    private static List<KeyValuePair<string, string>> FilterParameters(IReadOnlyList<Ec2Filter> filters)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < filters.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Filter.{i + 1}");
            parameters.Add(new($"{prefix}.Name", filters[i].Name));
            for (var j = 0; j < filters[i].Values.Count; j++)
            {
                parameters.Add(new(string.Create(CultureInfo.InvariantCulture, $"{prefix}.Value.{j + 1}"), filters[i].Values[j]));
            }
        }

        return parameters;
    }
}
