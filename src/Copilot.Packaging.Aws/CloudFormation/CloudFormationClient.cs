using System.Xml.Linq;
using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Aws.CloudFormation;

/// <summary>CloudFormation over the Query protocol (API version 2010-05-15), signed by AWSSDK.Core's SigV4 signer (see <see cref="AwsHttpSender"/>).</summary>
internal sealed class CloudFormationClient(AwsQueryClient query) : ICloudFormationClient
{
    /// <inheritdoc />
    public async Task<CloudFormationStack> DescribeStackAsync(string stackNameOrId, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("DescribeStacks", [new("StackName", stackNameOrId)], cancellationToken).ConfigureAwait(false);
        var stack = result.Members("Stacks").FirstOrDefault()
            ?? throw new AwsServiceException("CloudFormation", "DescribeStacks", "ValidationError", $"Stack with id {stackNameOrId} does not exist", System.Net.HttpStatusCode.BadRequest);
        return ReadStack(stack);
    }

    /// <inheritdoc />
    public async Task<string> GetTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("GetTemplate", [new("StackName", stackName), new("TemplateStage", "Original")], cancellationToken).ConfigureAwait(false);
        return result.ChildValue("TemplateBody") ?? string.Empty;
    }

    /// <inheritdoc />
    public async Task<TemplateSummary> GetTemplateSummaryAsync(string stackName, CancellationToken cancellationToken)
    {
        var result = await query.CallAsync("GetTemplateSummary", [new("StackName", stackName)], cancellationToken).ConfigureAwait(false);
        return new TemplateSummary(result.ChildValue("Metadata"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StackInstanceSummary>> ListStackInstancesAsync(string stackSetName, string account, string region, CancellationToken cancellationToken)
    {
        var instances = new List<StackInstanceSummary>();
        string? nextToken = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("StackSetName", stackSetName),
                new("StackInstanceAccount", account),
                new("StackInstanceRegion", region),
            };
            if (nextToken is not null)
            {
                parameters.Add(new("NextToken", nextToken));
            }

            var result = await query.CallAsync("ListStackInstances", parameters, cancellationToken).ConfigureAwait(false);
            instances.AddRange(result.Members("Summaries").Select(s => new StackInstanceSummary(
                s.ChildValue("StackSetId") ?? string.Empty,
                s.ChildValue("Account") ?? string.Empty,
                s.ChildValue("Region") ?? string.Empty,
                s.ChildValue("StackId") is { Length: > 0 } id ? id : null,
                s.ChildValue("Status") ?? string.Empty)));
            nextToken = result.ChildValue("NextToken") is { Length: > 0 } token ? token : null;
        }
        while (nextToken is not null);

        return instances;
    }

    private static CloudFormationStack ReadStack(XElement stack)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in stack.Members("Parameters"))
        {
            if (p.ChildValue("ParameterKey") is { } key)
            {
                parameters[key] = p.ChildValue("ParameterValue") ?? string.Empty;
            }
        }

        var outputs = stack.Members("Outputs")
            .Where(o => o.ChildValue("OutputKey") is not null)
            .Select(o => new StackOutput(o.ChildValue("OutputKey")!, o.ChildValue("OutputValue") ?? string.Empty, o.ChildValue("ExportName")))
            .ToList();

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in stack.Members("Tags"))
        {
            if (t.ChildValue("Key") is { } key)
            {
                tags[key] = t.ChildValue("Value") ?? string.Empty;
            }
        }

        return new CloudFormationStack(
            stack.ChildValue("StackId") ?? string.Empty,
            stack.ChildValue("StackName") ?? string.Empty,
            stack.ChildValue("StackStatus") ?? string.Empty,
            parameters,
            outputs)
        {
            Tags = tags,
        };
    }
}
