using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Copilot.Packaging.Errors;

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
        try
        {
            if (profile is not null)
            {
                return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile) ? fromProfile : null;
            }

            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null);
        }
        catch (AmazonClientException) when (profile is null)
        {
            return null;
        }
        catch (Exception ex) when (Http.AwsHttpSender.IsCredentialFailure(ex))
        {
            throw new CopilotJobException(
                $"could not resolve AWS credentials{(profile is null ? string.Empty : $" of profile {profile}")}: {ex.Message}",
                recommendation: AwsContext.CredentialsAdvice,
                innerException: ex);
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
