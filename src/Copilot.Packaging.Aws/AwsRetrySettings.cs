using System.Globalization;
using Amazon.Runtime;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>How failed AWS calls are retried; the names and meanings of the AWS SDKs' <c>AWS_RETRY_MODE</c>.</summary>
public enum AwsRetryMode
{
    /// <summary>Throttling, 5xx, timeouts and unreachable endpoints are retried with capped exponential backoff; 3 attempts unless set.</summary>
    Standard,

    /// <summary>Standard, and after a throttling answer every call of the run waits out the backoff before it sends (client-side rate limiting); 3 attempts unless set.</summary>
    Adaptive,

    /// <summary>The older SDKs' default: the same retries, 5 attempts unless set (AWSSDK.Core 4 clients run their standard mode).</summary>
    Legacy,
}

/// <summary>
/// The retry settings of a run, from <see cref="AwsContextOptions"/> or, where those leave them unset, from
/// <c>AWS_MAX_ATTEMPTS</c> and <c>AWS_RETRY_MODE</c>. Both the SDK clients (through their config) and the
/// hand-written CloudFormation/ECR clients (through <see cref="Http.AwsRetryPolicy"/>) use them.
/// </summary>
/// <param name="Mode">The retry mode.</param>
/// <param name="MaxAttempts">Attempts per call in all (the first one included), at least 1.</param>
internal sealed record AwsRetrySettings(AwsRetryMode Mode, int MaxAttempts)
{
    /// <summary>The variable naming the number of attempts.</summary>
    internal const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";

    /// <summary>The variable naming the retry mode.</summary>
    internal const string ModeVariable = "AWS_RETRY_MODE";

    /// <summary>The most attempts accepted (with the AWS deadline, more would never run anyway).</summary>
    internal const int MostAttempts = 100;

    /// <summary>The attempts of <paramref name="mode"/> when none are configured.</summary>
    internal static int DefaultAttempts(AwsRetryMode mode) => mode == AwsRetryMode.Legacy ? 5 : 3;

    /// <summary>Resolves the settings: options first, then the environment, then the mode's default.</summary>
    /// <exception cref="CopilotJobException">A variable holds something other than a mode name or a number of attempts from 1 to 100.</exception>
    internal static AwsRetrySettings Resolve(AwsRetryMode? mode, int? maxAttempts, IEnvironmentVariables environment)
    {
        var resolvedMode = mode ?? ParseMode(environment.Get(ModeVariable));
        var attempts = maxAttempts is { } given ? Math.Max(1, given) : ParseAttempts(environment.Get(MaxAttemptsVariable)) ?? DefaultAttempts(resolvedMode);
        return new AwsRetrySettings(resolvedMode, attempts);
    }

    /// <summary>
    /// Applies the settings to an SDK client config (its own retry handler then does the same). AWSSDK.Core 4 has no
    /// legacy mode any more; legacy runs its standard mode with legacy's number of attempts.
    /// </summary>
    internal void Apply(ClientConfig config)
    {
        config.RetryMode = Mode == AwsRetryMode.Adaptive ? RequestRetryMode.Adaptive : RequestRetryMode.Standard;
        config.MaxErrorRetry = MaxAttempts - 1;
    }

    private static AwsRetryMode ParseMode(string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
            case "standard":
                return AwsRetryMode.Standard;
            case "adaptive":
                return AwsRetryMode.Adaptive;
            case "legacy":
                return AwsRetryMode.Legacy;
            default:
                throw new CopilotJobException(
                    $"{ModeVariable} must be standard, adaptive or legacy, not \"{Display.Value(value)}\"",
                    recommendation: $"Unset {ModeVariable} to use the standard mode.",
                    code: CopilotJobErrorCode.AwsNotConfigured);
        }
    }

    private static int? ParseAttempts(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts is >= 1 and <= MostAttempts)
        {
            return attempts;
        }

        throw new CopilotJobException(
            $"{MaxAttemptsVariable} must be a whole number of attempts from 1 to {MostAttempts}, not \"{Display.Value(value)}\"",
            recommendation: $"Unset {MaxAttemptsVariable} to use the default of 3 attempts (5 with {ModeVariable}=legacy).",
            code: CopilotJobErrorCode.AwsNotConfigured);
    }
}
