namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>A validated EventBridge <c>cron(...)</c> expression, as the sets of values it fires on (all in UTC).</summary>
/// <param name="Minutes">Minutes 0-59.</param>
/// <param name="Hours">Hours 0-23.</param>
/// <param name="Days">The day rule of whichever day field is not <c>?</c>.</param>
/// <param name="Months">Months 1-12.</param>
/// <param name="Years">Years 1970-2199.</param>
internal sealed record AwsCronSchedule(
    CronValues Minutes,
    CronValues Hours,
    IAwsDayRule Days,
    CronValues Months,
    CronValues Years);
