using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Records;

namespace Copilot.Packaging.Aws.Records;

/// <summary>
/// Reads the application's regional resources: the <c>&lt;app&gt;-infrastructure</c> StackSet instance for the app's
/// account and the region, then that instance stack's outputs <c>KMSKeyARN</c>, <c>PipelineBucket</c> and <c>ECRRepo*</c>.
/// </summary>
internal static class RegionalResourcesReader
{
    /// <summary>Reads the resources; throws <see cref="CopilotJobException"/> when the region has none.</summary>
    /// <param name="stackSets">A client for the app region (where the StackSet lives), default credentials.</param>
    /// <param name="instanceStacks">Makes a client for an instance's region, default credentials.</param>
    /// <param name="app">The application record.</param>
    /// <param name="region">The region whose resources are wanted.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    internal static async Task<RegionalResources> ReadAsync(
        ICloudFormationClient stackSets,
        Func<string, ICloudFormationClient> instanceStacks,
        ApplicationRecord app,
        string region,
        CancellationToken cancellationToken)
    {
        var stackSetName = $"{app.Name}-infrastructure";
        IReadOnlyList<StackInstanceSummary> instances;
        try
        {
            instances = await stackSets.ListStackInstancesAsync(stackSetName, app.Account, region, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "StackSetNotFoundException")
        {
            throw new CopilotJobException(
                $"no regional resources for application {app.Name} in region {region} found: the StackSet {stackSetName} does not exist in account {app.Account}",
                recommendation: "Check that the credentials and region point at the account and region where the application was created.",
                innerException: ex);
        }

        // Filter here too: the request asks for this account and region, but a stand-in server may ignore that.
        var instance = instances.FirstOrDefault(i => i.Account == app.Account && i.Region == region && i.StackId is not null)
            ?? throw new CopilotJobException(
                $"no regional resources for application {app.Name} in region {region} found (StackSet {stackSetName}, account {app.Account})",
                recommendation: $"Deploy an environment of application {app.Name} in region {region} with copilot first; that adds the region to the StackSet.");

        var stack = await instanceStacks(instance.Region).DescribeStackAsync(instance.StackId!, cancellationToken).ConfigureAwait(false);
        var outputs = stack.Outputs.GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var kmsKeyArn = outputs.GetValueOrDefault("KMSKeyARN")
            ?? throw new CopilotJobException($"couldn't find KMS output key KMSKeyARN in stack {stack.StackId}");
        var bucket = outputs.GetValueOrDefault("PipelineBucket")
            ?? throw new CopilotJobException($"couldn't find S3 bucket output key PipelineBucket in stack {stack.StackId}");

        var repositories = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs.Where(o => o.Key.StartsWith(EcrRepositoryUrl.OutputPrefix, StringComparison.Ordinal)))
        {
            repositories[EcrRepositoryUrl.WorkloadName(key)] = EcrRepositoryUrl.FromArn(value)
                ?? throw new CopilotJobException($"the output {key} of stack {stack.StackId} is not an ECR repository ARN: {value}");
        }

        return new RegionalResources { Region = region, Bucket = bucket, KmsKeyArn = kmsKeyArn, Repositories = repositories };
    }
}
