using Amazon.SimpleSystemsManagement.Model;

namespace Copilot.Packaging.Aws.Records;

/// <summary>Reads SSM parameters with the default credentials in the context's region.</summary>
internal sealed class SsmParameterReader(AwsContext context)
{
    /// <summary>The parameter's value, or null when it does not exist.</summary>
    internal async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var ssm = context.Ssm();
        try
        {
            var response = await AwsSdkCall.RunAsync(
                context,
                "SSM",
                "GetParameter",
                context.Region,
                () => ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return response.Parameter.Value;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "ParameterNotFound")
        {
            return null;
        }
    }

    /// <summary>The direct children of <paramref name="path"/> (non-recursive), every page, as name and value.</summary>
    internal async Task<IReadOnlyList<KeyValuePair<string, string>>> GetByPathAsync(string path, CancellationToken cancellationToken)
    {
        var ssm = context.Ssm();
        var parameters = new List<KeyValuePair<string, string>>();
        string? nextToken = null;
        do
        {
            var request = new GetParametersByPathRequest { Path = path, Recursive = false, NextToken = nextToken };
            var response = await AwsSdkCall.RunAsync(
                context,
                "SSM",
                "GetParametersByPath",
                context.Region,
                () => ssm.GetParametersByPathAsync(request, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            parameters.AddRange((response.Parameters ?? []).Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
            nextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
        }
        while (nextToken is not null);

        return parameters;
    }
}
