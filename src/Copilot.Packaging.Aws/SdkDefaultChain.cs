using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Copilot.Packaging.Aws;

/// <summary>
/// The AWS SDK's own resolution: <see cref="DefaultAWSCredentialsIdentityResolver"/> (environment keys, shared
/// config and credentials files with <c>AWS_PROFILE</c>, SSO, <c>credential_process</c>, web identity, container and
/// instance roles) or, for a named profile, <see cref="CredentialProfileStoreChain"/>; the region from the profile or
/// <see cref="FallbackRegionFactory"/>.
/// </summary>
internal sealed class SdkDefaultChain : IAwsDefaultChain
{
    /// <inheritdoc />
    public AWSCredentials? ResolveCredentials(string? profile)
    {
        if (profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile) ? fromProfile : null;
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public string? ResolveRegion(string? profile)
    {
        if (profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetProfile(profile, out var named) ? named.Region?.SystemName : null;
        }

        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
