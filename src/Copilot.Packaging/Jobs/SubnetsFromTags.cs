using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// copilot's "load dynamic content" step (after validation): subnets chosen by tags become the IDs EC2 finds in the
/// environment's region. Without AWS the tags stay, and synthesis says that they need AWS or explicit IDs.
/// </summary>
internal static class SubnetsFromTags
{
    /// <exception cref="CopilotJobException">No subnet has the tags, or the lookup failed (code <see cref="CopilotJobErrorCode.AwsRead"/>).</exception>
    public static async Task<ScheduledJobManifest> ResolveAsync(
        ISubnetLookup? subnets, IPackagingReporter reporter, ScheduledJobManifest manifest, EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        if (subnets is null || manifest.Network is not { SubnetsFromTags: { Count: > 0 } tags } network)
        {
            return manifest;
        }

        var location = manifest.Source.Locate(NetworkPlacement.FromTagsField);
        try
        {
            var ids = await subnets.ResolveSubnetsAsync(environment, tags, cancellationToken);
            if (ids.Count > 0)
            {
                reporter.Verbose($"Subnets with the tags of {NetworkPlacement.FromTagsField}: {string.Join(", ", ids)}.");
                return manifest with { Network = network with { SubnetIds = ids, SubnetsFromTags = null } };
            }

            var wanted = string.Join("; ", tags.Select(t => $"{t.Key}: {string.Join(" or ", t.Value)}"));
            throw new CopilotJobException(
                $"no subnet in region {environment.Region} has the tags of from_tags ({wanted})",
                location,
                "Check the tag names and values on the subnets of the environment's region, or " + NetworkPlacement.ListSubnetIdsAdvice,
                code: CopilotJobErrorCode.AwsRead);
        }
        catch (CopilotJobException ex) when (ex.Code is not (CopilotJobErrorCode.DiffUnavailable or CopilotJobErrorCode.AwsRead))
        {
            var advice = ex.Recommendation is null
                ? "Fix the cause, or " + NetworkPlacement.ListSubnetIdsAdvice
                : $"{ex.Recommendation} Alternatively, {NetworkPlacement.ListSubnetIdsAdvice}";
            throw new CopilotJobException($"load dynamic content: get subnet IDs: {ex.Message}", location, advice, ex, CopilotJobErrorCode.AwsRead);
        }
    }
}
