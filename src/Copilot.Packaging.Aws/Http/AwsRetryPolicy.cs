namespace Copilot.Packaging.Aws.Http;

/// <summary>
/// Which failures are worth another try, and how long to wait before it (capped exponential backoff with full jitter),
/// for the hand-written clients; <see cref="AwsRetrySettings"/> gives the SDK clients the same mode and attempts.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, at least 1.</param>
/// <param name="BaseDelay">The first backoff ceiling; it doubles each attempt.</param>
/// <param name="MaxDelay">The largest backoff.</param>
/// <param name="Mode">The retry mode; <see cref="AwsRetryMode.Adaptive"/> makes a throttling answer hold back every later request of the sender.</param>
internal sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, AwsRetryMode Mode = AwsRetryMode.Standard)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalFailure", "ServiceUnavailable",
    };

    /// <summary>The policy of <paramref name="settings"/>: backoff from 100 ms doubling up to 20 s (the SDKs' cap).</summary>
    internal static AwsRetryPolicy From(AwsRetrySettings settings) =>
        new(Math.Max(1, settings.MaxAttempts), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), settings.Mode);

    /// <summary>True when an AWS error response should be retried.</summary>
    internal static bool IsRetryable(int statusCode, string errorCode) =>
        statusCode >= 500 || IsThrottling(statusCode, errorCode) || TransientCodes.Contains(errorCode);

    /// <summary>True when AWS asks the caller to slow down.</summary>
    internal static bool IsThrottling(int statusCode, string errorCode) => statusCode == 429 || ThrottlingCodes.Contains(errorCode);

    /// <summary>The shortest wait before a retry (zero unless set: full jitter; tests set it to make timings observable).</summary>
    internal TimeSpan MinimumDelay { get; init; }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    internal TimeSpan DelayBefore(int nextAttempt)
    {
        var ceiling = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(nextAttempt - 2, 30));
        var capped = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        var minimum = Math.Min(MinimumDelay.TotalMilliseconds, capped);
        return TimeSpan.FromMilliseconds(minimum + (Random.Shared.NextDouble() * (capped - minimum)));
    }
}
