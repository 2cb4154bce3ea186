namespace Copilot.Packaging.Aws.Ecr;

/// <summary>
/// The ECR calls the image upload needs. A stand-in for AWSSDK.ECR's <c>IAmazonECR</c>, which the package registry
/// here does not serve; an adapter over <c>IAmazonECR</c> replaces <see cref="EcrClient"/> in one place
/// (<see cref="AwsContext"/>'s <c>Ecr</c> factory). Failures throw <see cref="AwsServiceException"/>
/// (a missing repository is <c>RepositoryNotFoundException</c>).
/// </summary>
internal interface IEcrClient
{
    /// <summary>Describes the named repositories in the caller's registry.</summary>
    Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(IReadOnlyList<string> repositoryNames, CancellationToken cancellationToken);

    /// <summary>A docker login for the caller's registry. Do not cache it by expiry: some endpoints report one in the past.</summary>
    Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken);
}

/// <summary>One ECR repository.</summary>
/// <param name="Name">The repository name, for example <c>my-app/report</c>.</param>
/// <param name="Arn">The repository ARN.</param>
/// <param name="Uri">The repository URI, for example <c>123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report</c>.</param>
/// <param name="RegistryId">The registry (account) ID.</param>
internal sealed record EcrRepository(string Name, string Arn, string Uri, string RegistryId);

/// <summary>Docker credentials for an ECR registry.</summary>
/// <param name="UserName">The user name (always <c>AWS</c> on AWS).</param>
/// <param name="Password">The password.</param>
/// <param name="ProxyEndpoint">The registry URL, for example <c>https://123456789012.dkr.ecr.us-west-2.amazonaws.com</c>.</param>
/// <param name="ExpiresAt">When the token expires, as reported.</param>
internal sealed record EcrAuthorization(string UserName, string Password, string ProxyEndpoint, DateTimeOffset? ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"EcrAuthorization {{ UserName = {UserName}, ProxyEndpoint = {ProxyEndpoint} }}";
}
