using Copilot.Packaging.Aws.CloudFormation;

namespace Copilot.Packaging.Aws.Records;

/// <summary>What packaging reads from the environment stack <c>&lt;app&gt;-&lt;env&gt;</c>.</summary>
/// <param name="Version">The template version (<c>Metadata.Version</c>; <c>v0.0.0</c> when missing).</param>
/// <param name="Features">The feature parameters the stack has, in <see cref="EnvironmentStackReader.FeatureNames"/> order.</param>
/// <param name="ServiceDiscoveryEndpoint">The <c>ServiceDiscoveryEndpoint</c> parameter, or <c>&lt;app&gt;.local</c>.</param>
internal sealed record EnvironmentStackFacts(string Version, IReadOnlyList<string> Features, string ServiceDiscoveryEndpoint);

/// <summary>Reads the environment stack's version, features and service discovery endpoint with two concurrent calls.</summary>
internal static class EnvironmentStackReader
{
    /// <summary>The environment features a workload can require, by their stack parameter names.</summary>
    internal static readonly IReadOnlyList<string> FeatureNames =
        ["ALBWorkloads", "EFSWorkloads", "NATWorkloads", "InternalALBWorkloads", "Aliases", "AppRunnerPrivateWorkloads"];

    /// <summary>The version copilot writes when the environment exists only as a bootstrap stack.</summary>
    internal const string BootstrapVersion = "bootstrap";

    /// <summary>The version assumed when the stack's metadata has none.</summary>
    internal const string MissingVersion = "v0.0.0";

    /// <summary>Reads the facts; AWS errors (including a missing stack) propagate as <see cref="AwsServiceException"/>.</summary>
    internal static async Task<EnvironmentStackFacts> ReadAsync(ICloudFormationClient cloudFormation, string app, string env, CancellationToken cancellationToken)
    {
        var stackName = $"{app}-{env}";
        var summaryTask = cloudFormation.GetTemplateSummaryAsync(stackName, cancellationToken);
        var stackTask = cloudFormation.DescribeStackAsync(stackName, cancellationToken);
        try
        {
            await Task.WhenAll(summaryTask, stackTask).ConfigureAwait(false);
        }
        catch (AwsServiceException)
        {
            // Rethrow the first failure in call order, so the message is stable.
            await summaryTask.ConfigureAwait(false);
            await stackTask.ConfigureAwait(false);
            throw;
        }

        var summary = await summaryTask.ConfigureAwait(false);
        var stack = await stackTask.ConfigureAwait(false);
        var version = TemplateMetadata.ReadVersion(summary.Metadata) ?? MissingVersion;
        var features = FeatureNames.Where(stack.Parameters.ContainsKey).ToList();
        var endpoint = stack.Parameters.TryGetValue("ServiceDiscoveryEndpoint", out var value) && value.Length > 0 ? value : $"{app}.local";
        return new EnvironmentStackFacts(version, features, endpoint);
    }
}
