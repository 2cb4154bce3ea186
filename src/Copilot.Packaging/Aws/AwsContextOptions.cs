using Copilot.Packaging.Abstractions;

namespace Copilot.Packaging.Aws;

/// <summary>
/// Overrides for how <see cref="AwsContext"/> resolves credentials, region and endpoints. Every property is optional;
/// left unset, the AWS SDK default chain decides, exactly as the AWS CLI would.
/// </summary>
public sealed record AwsContextOptions
{
    /// <summary>The shared-config profile to use (the future <c>--profile</c> flag); null uses <c>AWS_PROFILE</c> or <c>default</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>The region to use (the future <c>--region</c> flag); null uses <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// One endpoint URL for every AWS service (for example a local moto server). Null honours
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and <c>AWS_ENDPOINT_URL</c> the way the SDK does.
    /// </summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Static access keys that replace the default credential chain (tests and tools that already hold keys).</summary>
    public AwsAccessKey? AccessKey { get; init; }

    /// <summary>Sees every AWS call the core makes (for <c>--verbose</c> output or call counting); null observes nothing.</summary>
    public IAwsCallObserver? CallObserver { get; init; }

    /// <summary>The process environment, read for <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> and <c>AWS_PROFILE</c>; null reads the real one.</summary>
    public IEnvironmentVariables? Environment { get; init; }

    /// <summary>How many times a throttled, 5xx or unreachable call is tried in all; at least 1. Defaults to 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// The most time a run waits for AWS in total (counted while calls are in flight); each attempt waits at most
    /// 20 s or this, whichever is less. Null reads <c>COPILOT_JOB_AWS_DEADLINE</c> (seconds) from <see cref="Environment"/>,
    /// else 90 s. A call past it ends the run with "AWS did not answer … after N s".
    /// </summary>
    public TimeSpan? Deadline { get; init; }
}

/// <summary>A static AWS access key pair.</summary>
/// <param name="AccessKeyId">The access key ID.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token of temporary credentials, or null.</param>
public sealed record AwsAccessKey(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <inheritdoc />
    public override string ToString() => $"AwsAccessKey {{ AccessKeyId = {AccessKeyId} }}";
}
