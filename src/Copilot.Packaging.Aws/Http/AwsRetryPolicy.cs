namespace Copilot.Packaging.Aws.Http;

/// <summary>Which failures are worth another try, and how long to wait before it (capped exponential backoff with full jitter).</summary>
/// <param name="MaxAttempts">Attempts in all, at least 1.</param>
/// <param name="BaseDelay">The first backoff ceiling; it doubles each attempt.</param>
/// <param name="MaxDelay">The largest backoff.</param>
internal sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "ServiceUnavailable",
    };

    /// <summary>The policy used unless options say otherwise.</summary>
    internal static AwsRetryPolicy Default(int maxAttempts) =>
        new(Math.Max(1, maxAttempts), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>True when an AWS error response should be retried.</summary>
    internal static bool IsRetryable(int statusCode, string errorCode) =>
        statusCode >= 500 || statusCode == 429 || RetryableCodes.Contains(errorCode);

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    internal TimeSpan DelayBefore(int nextAttempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2);
        var capped = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * capped);
    }
}
