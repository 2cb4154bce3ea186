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
    /// One endpoint URL for every AWS service (for example a local moto server), ahead of any variable. Null honours
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (from <see cref="Environment"/>), then the
    /// profile's <c>endpoint_url</c>, for every service alike (see <see cref="AwsContext"/>).
    /// </summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Static access keys that replace the default credential chain (tests and tools that already hold keys).</summary>
    public AwsAccessKey? AccessKey { get; init; }

    /// <summary>Sees every AWS call the core makes (for <c>--verbose</c> output or call counting); null observes nothing.</summary>
    public IAwsCallObserver? CallObserver { get; init; }

    /// <summary>The process environment, read for <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> and <c>AWS_PROFILE</c>; null reads the real one.</summary>
    public IEnvironmentVariables? Environment { get; init; }

    /// <summary>
    /// How many times a throttled, 5xx or unreachable call is tried in all; at least 1. Null reads <c>AWS_MAX_ATTEMPTS</c>
    /// from <see cref="Environment"/>, else 3 (5 in <see cref="AwsRetryMode.Legacy"/> mode).
    /// </summary>
    public int? MaxAttempts { get; init; }

    /// <summary>How calls are retried; null reads <c>AWS_RETRY_MODE</c> (<c>standard</c>, <c>adaptive</c> or <c>legacy</c>) from <see cref="Environment"/>, else standard.</summary>
    public AwsRetryMode? RetryMode { get; init; }

    /// <summary>
    /// The most time a run waits for AWS in total (counted while calls are in flight); each attempt waits at most
    /// 20 s or this, whichever is less. Null reads <c>COPILOT_JOB_AWS_DEADLINE</c> (seconds) from <see cref="Environment"/>,
    /// else 90 s. A call past it ends the run with "AWS did not answer … after N s".
    /// </summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>
    /// The settings of a run from its flags and its environment variables: <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>/<c>AWS_PROFILE</c>,
    /// <c>AWS_ENDPOINT_URL</c> and <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_MAX_ATTEMPTS</c>/<c>AWS_RETRY_MODE</c>, and
    /// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>.
    /// </summary>
    /// <remarks>
    /// Keys from the variables are used only when no profile is named (<paramref name="profile"/> or <c>AWS_PROFILE</c>), as the AWS
    /// CLI and copilot's Go SDK do. Endpoints and retry settings are read from <paramref name="variables"/> by
    /// <see cref="AwsContext"/>, per service.
    /// </remarks>
    /// <param name="variables">The run's environment variables (the process environment in the tool, a dictionary in tests).</param>
    /// <param name="profile">The <c>--profile</c> flag, or null.</param>
    /// <param name="region">The <c>--region</c> flag, or null.</param>
    public static AwsContextOptions FromEnvironment(IEnvironmentVariables variables, string? profile, string? region)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new AwsContextOptions
        {
            Profile = profile,
            Region = region,
            Environment = variables,
            AccessKey = string.IsNullOrEmpty(profile) && string.IsNullOrEmpty(variables.Get("AWS_PROFILE")) ? AccessKeyFrom(variables) : null,
        };
    }

    private static AwsAccessKey? AccessKeyFrom(IEnvironmentVariables variables)
    {
        var id = variables.Get("AWS_ACCESS_KEY_ID");
        var secret = variables.Get("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var token = variables.Get("AWS_SESSION_TOKEN");
        return new AwsAccessKey(id, secret, string.IsNullOrEmpty(token) ? null : token);
    }
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
