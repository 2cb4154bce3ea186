using System.Diagnostics;
using System.Globalization;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Aws;

/// <summary>
/// The total time a run may wait for AWS. Time counts only while at least one AWS call is in flight, so docker builds
/// and local work between calls do not use it up. A call that would run past it is abandoned and becomes a
/// <see cref="CopilotJobException"/> naming the service and operation ("AWS did not answer … after N s").
/// </summary>
internal sealed class AwsDeadline
{
    /// <summary>The environment variable that sets the budget, in seconds.</summary>
    internal const string VariableName = "COPILOT_JOB_AWS_DEADLINE";

    /// <summary>The budget unless configured: 90 s.</summary>
    internal static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(90);

    /// <summary>The longest wait for one attempt of one call: 20 s (the SDK's own default is 100 s).</summary>
    internal static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private readonly long[] activeSince = [0];
    private int active;
    private TimeSpan spent;

    internal AwsDeadline(TimeSpan budget) => Budget = budget <= TimeSpan.Zero ? DefaultBudget : budget;

    /// <summary>The total budget.</summary>
    internal TimeSpan Budget { get; }

    /// <summary>How long one attempt may take: the default attempt timeout, at most the budget.</summary>
    internal TimeSpan AttemptTimeout => Budget < DefaultAttemptTimeout ? Budget : DefaultAttemptTimeout;

    /// <summary>Reads the budget from <c>COPILOT_JOB_AWS_DEADLINE</c> (whole or fractional seconds, at least 1 ms).</summary>
    /// <exception cref="CopilotJobException">The value is not a positive number of seconds.</exception>
    internal static TimeSpan ParseBudget(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultBudget;
        }

        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new CopilotJobException(
            $"{VariableName} must be a number of seconds between 0 and 86400, not \"{Display.Value(value)}\"",
            recommendation: $"Unset {VariableName} to use the default of {DefaultBudget.TotalSeconds} s.");
    }

    /// <summary>Runs one AWS call (all its attempts) within what is left of the budget.</summary>
    /// <param name="service">The service, for the message.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <param name="region">The region, for the message.</param>
    /// <param name="call">The call; it gets a token that fires at the deadline or when the run is cancelled.</param>
    /// <param name="cancellationToken">The run's cancellation.</param>
    internal async Task<T> RunAsync<T>(string service, string operation, string region, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var remaining = Enter();
        var watch = Stopwatch.StartNew();
        try
        {
            if (remaining <= TimeSpan.Zero)
            {
                throw Expired(service, operation, region, watch.Elapsed);
            }

            using var timeout = new CancellationTokenSource(remaining);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                // WaitAsync as well: an SDK call stuck where it does not watch the token (credential_process) is abandoned.
                return await call(linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                                       && ex is OperationCanceledException or TimeoutException or HttpRequestException or IOException or CopilotJobException)
            {
                throw Expired(service, operation, region, watch.Elapsed, ex);
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>The error for a call that gave up waiting (the SDK's own timeouts too).</summary>
    internal CopilotJobException Expired(string service, string operation, string region, TimeSpan waited, Exception? cause = null) =>
        new(
            $"AWS did not answer {service} {operation} in region {region} after {Math.Max(1, Math.Round(waited.TotalSeconds))} s (each attempt waits at most {AttemptTimeout.TotalSeconds:0.###} s; all AWS calls of a run at most {Budget.TotalSeconds:0.###} s)",
            recommendation: $"Check the network connection and AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) if it is set; set {VariableName} (seconds) to wait longer.",
            innerException: cause);

    private TimeSpan Enter()
    {
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (active++ == 0)
            {
                activeSince[0] = now;
            }

            return Budget - spent - Stopwatch.GetElapsedTime(activeSince[0], now);
        }
    }

    private void Exit()
    {
        lock (gate)
        {
            if (--active == 0)
            {
                spent += Stopwatch.GetElapsedTime(activeSince[0]);
            }
        }
    }
}
