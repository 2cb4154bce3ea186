using Amazon.Runtime;

namespace Copilot.Packaging.Aws;

/// <summary>The SDK's default lookups for credentials and region, behind a seam so tests can model "nothing configured".</summary>
internal interface IAwsDefaultChain
{
    /// <summary>Credentials from the profile (when named) or the default chain; null when none are found.</summary>
    AWSCredentials? ResolveCredentials(string? profile);

    /// <summary>The region from the profile (when named) or the SDK's region chain; null when none is found.</summary>
    string? ResolveRegion(string? profile);
}
