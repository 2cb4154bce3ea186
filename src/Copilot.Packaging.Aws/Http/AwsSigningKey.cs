namespace Copilot.Packaging.Aws.Http;

/// <summary>The parts of a credential the signer needs.</summary>
/// <param name="AccessKeyId">The access key ID.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
internal sealed record AwsSigningKey(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <inheritdoc />
    public override string ToString() => $"AwsSigningKey {{ AccessKeyId = {AccessKeyId} }}";
}
