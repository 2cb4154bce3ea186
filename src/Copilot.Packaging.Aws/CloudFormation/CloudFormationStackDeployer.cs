using System.Globalization;
using System.Xml.Linq;
using Copilot.Packaging.Aws.Http;
using Copilot.Packaging.Deploy;

namespace Copilot.Packaging.Aws.CloudFormation;

/// <summary>
/// The deploy engine's CloudFormation calls over the Query protocol (API version 2010-05-15), signed by
/// AWSSDK.Core's SigV4 signer. AWS errors become <see cref="StackOperationException"/>; a missing stack is null.
/// </summary>
internal sealed class CloudFormationStackDeployer(AwsQueryClient query) : IStackDeployer
{
    /// <inheritdoc />
    public async Task<StackState?> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        XElement result;
        try
        {
            result = await query.CallAsync("DescribeStacks", [new("StackName", stackName)], cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.IsStackNotFound)
        {
            return null;
        }
        catch (AwsServiceException ex)
        {
            throw Wrap(ex);
        }

        var stack = result.Members("Stacks").FirstOrDefault();
        return stack is null
            ? null
            : new StackState(
                stack.ChildValue("StackId") ?? string.Empty,
                stack.ChildValue("StackName") ?? stackName,
                stack.ChildValue("StackStatus") ?? string.Empty,
                stack.ChildValue("StackStatusReason") is { Length: > 0 } reason ? reason : null);
    }

    /// <inheritdoc />
    public async Task<ChangeSetCreated> CreateChangeSetAsync(ChangeSetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new List<KeyValuePair<string, string>>
        {
            new("StackName", request.StackName),
            new("ChangeSetName", request.ChangeSetName),
            new("ChangeSetType", request.Type == ChangeSetType.Create ? "CREATE" : "UPDATE"),
            new("TemplateURL", request.TemplateUrl),
            new("IncludeNestedStacks", request.IncludeNestedStacks ? "true" : "false"),
        };
        for (var i = 0; i < request.Parameters.Count; i++)
        {
            form.Add(new($"Parameters.member.{i + 1}.ParameterKey", request.Parameters[i].Key));
            form.Add(new($"Parameters.member.{i + 1}.ParameterValue", request.Parameters[i].Value));
        }

        for (var i = 0; i < request.Tags.Count; i++)
        {
            form.Add(new($"Tags.member.{i + 1}.Key", request.Tags[i].Key));
            form.Add(new($"Tags.member.{i + 1}.Value", request.Tags[i].Value));
        }

        for (var i = 0; i < request.Capabilities.Count; i++)
        {
            form.Add(new($"Capabilities.member.{i + 1}", request.Capabilities[i]));
        }

        if (!string.IsNullOrEmpty(request.RoleArn))
        {
            form.Add(new("RoleARN", request.RoleArn));
        }

        var result = await CallAsync("CreateChangeSet", form, cancellationToken).ConfigureAwait(false);
        return new ChangeSetCreated(result.ChildValue("Id") ?? request.ChangeSetName, result.ChildValue("StackId") ?? string.Empty);
    }

    /// <inheritdoc />
    public async Task<ChangeSetDescription> DescribeChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken)
    {
        var changes = new List<ResourceChange>();
        string? token = null;
        XElement result;
        do
        {
            var form = new List<KeyValuePair<string, string>> { new("ChangeSetName", changeSetId), new("StackName", stackName) };
            if (token is not null)
            {
                form.Add(new("NextToken", token));
            }

            result = await CallAsync("DescribeChangeSet", form, cancellationToken).ConfigureAwait(false);
            foreach (var change in result.Members("Changes"))
            {
                if (change.Child("ResourceChange") is { } c)
                {
                    changes.Add(new ResourceChange(c.ChildValue("Action") ?? string.Empty, c.ChildValue("LogicalResourceId") ?? string.Empty, c.ChildValue("ResourceType") ?? string.Empty));
                }
            }

            token = result.ChildValue("NextToken") is { Length: > 0 } next ? next : null;
        }
        while (token is not null);

        var status = result.ChildValue("Status") ?? string.Empty;
        var reason = result.ChildValue("StatusReason") is { Length: > 0 } text ? text : null;
        return new ChangeSetDescription(status, result.ChildValue("ExecutionStatus") ?? string.Empty, reason, Time(result.ChildValue("CreationTime")), changes)
        {
            ChangesNothing = CloudFormationAnswers.ChangesNothing(status, reason, changes.Count),
        };
    }

    /// <inheritdoc />
    public async Task ExecuteChangeSetAsync(string changeSetId, string stackName, bool disableRollback, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("ChangeSetName", changeSetId), new("StackName", stackName) };
        if (disableRollback)
        {
            form.Add(new("DisableRollback", "true"));
        }

        await CallAsync("ExecuteChangeSet", form, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteChangeSetAsync(string changeSetId, string stackName, CancellationToken cancellationToken) =>
        CallAsync("DeleteChangeSet", [new("ChangeSetName", changeSetId), new("StackName", stackName)], cancellationToken);

    /// <inheritdoc />
    public async Task<StackEventPage> DescribeStackEventsAsync(string stackName, string? nextToken, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("StackName", stackName) };
        if (nextToken is not null)
        {
            form.Add(new("NextToken", nextToken));
        }

        var result = await CallAsync("DescribeStackEvents", form, cancellationToken).ConfigureAwait(false);
        var events = result.Members("StackEvents").Select(e => new StackEvent(
            e.ChildValue("EventId") ?? string.Empty,
            e.ChildValue("LogicalResourceId") ?? string.Empty,
            e.ChildValue("PhysicalResourceId"),
            e.ChildValue("ResourceType") ?? string.Empty,
            Time(e.ChildValue("Timestamp")) ?? DateTimeOffset.MinValue,
            e.ChildValue("ResourceStatus") ?? string.Empty,
            e.ChildValue("ResourceStatusReason") is { Length: > 0 } reason ? reason : null)).ToList();
        return new StackEventPage(events, result.ChildValue("NextToken") is { Length: > 0 } token ? token : null);
    }

    /// <inheritdoc />
    public Task DeleteStackAsync(string stackName, CancellationToken cancellationToken) =>
        CallAsync("DeleteStack", [new("StackName", stackName)], cancellationToken);

    /// <inheritdoc />
    public Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken) =>
        CallAsync("CancelUpdateStack", [new("StackName", stackName)], cancellationToken);

    private async Task<XElement> CallAsync(string action, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        try
        {
            return await query.CallAsync(action, form, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            throw Wrap(ex);
        }
    }

    private static StackOperationException Wrap(AwsServiceException ex) =>
        new(ex.Operation, ex.ErrorCode, ex.ServiceMessage, CloudFormationAnswers.Classify(ex.Operation, (int)ex.StatusCode, ex.ErrorCode, ex.ServiceMessage), ex);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
