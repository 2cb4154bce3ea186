using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>Converts <c>on.schedule</c> to the EventBridge expression of the <c>Schedule</c> parameter.</summary>
/// <remarks>
/// Output matches copilot for every schedule copilot converts correctly. Deliberate differences (day-of-week steps, <c>7</c>
/// for Sunday, <c>None</c>, time zone prefixes, local validation of <c>cron(...)</c>/<c>rate(...)</c>) are listed in
/// <c>docs/schedule-deviations.md</c>.
/// </remarks>
internal static class ScheduleConverter
{
    private const string InvalidSchedule = "schedule is not valid cron, rate, or preset";

    /// <summary>
    /// Converts a manifest schedule (<c>@daily</c>, <c>@every 1h30m</c>, a 5-field cron, <c>cron(...)</c>, <c>rate(...)</c>
    /// or <c>none</c>) to an EventBridge schedule expression.
    /// </summary>
    /// <param name="schedule">The schedule as written in the manifest.</param>
    /// <param name="jobName">The job name, for messages.</param>
    /// <returns>The expression, for example <c>cron(0 0 * * ? *)</c>, <c>rate(90 minutes)</c> or <c>none</c>.</returns>
    /// <exception cref="CopilotJobException">The schedule is not valid.</exception>
    public static string ToAwsExpression(string schedule, string jobName)
    {
        if (string.IsNullOrEmpty(schedule))
        {
            throw new CopilotJobException($"missing required field \"schedule\" in manifest for job {jobName}");
        }

        if (AwsScheduleExpression.IsNone(schedule))
        {
            return AwsScheduleExpression.None;
        }

        if (AwsScheduleExpression.IsCron(schedule) || AwsScheduleExpression.IsRate(schedule))
        {
            var problem = AwsScheduleExpression.Validate(schedule);
            return problem is null ? schedule : throw Fail(jobName, $"schedule {GoQuoting.Quote(schedule)}: {problem}");
        }

        if (schedule.Contains("cron(", StringComparison.Ordinal) || schedule.Contains("rate(", StringComparison.Ordinal))
        {
            throw Fail(jobName, $"schedule {GoQuoting.Quote(schedule)}: an EventBridge expression must be the whole schedule, written cron(...) or rate(...) with nothing around it");
        }

        if (TimeZonePrefix(schedule) is { } prefix)
        {
            throw Fail(
                jobName,
                $"schedule {GoQuoting.Quote(schedule)}: time zone prefix {GoQuoting.Quote(prefix)} is not supported; EventBridge rules evaluate schedules in UTC, "
                + "so remove the prefix and write the times in UTC");
        }

        if (schedule.StartsWith('@'))
        {
            return ConvertDescriptor(schedule, jobName);
        }

        if (!StandardCronParser.TryParse(schedule, out var cron, out var parseError))
        {
            throw Fail(jobName, $"{InvalidSchedule}: {parseError}; {ExpectedForms(schedule)}");
        }

        return StandardCronToAwsConverter.TryConvert(cron!, out var expression, out var convertError)
            ? expression!
            : throw Fail(jobName, $"parse cron schedule: {convertError}");
    }

    /// <summary>
    /// Computes the next fire times of an EventBridge schedule expression, in UTC: for <c>cron(...)</c> the first
    /// <paramref name="count"/> matching minutes strictly after <paramref name="from"/> (fewer if it stops firing before 2200);
    /// for <c>rate(...)</c> <paramref name="from"/> plus 1, 2, ... intervals (EventBridge counts from the rule's creation);
    /// for <c>none</c> nothing.
    /// </summary>
    /// <param name="awsExpression">An expression as returned by <see cref="ToAwsExpression"/>.</param>
    /// <param name="from">The moment to start after.</param>
    /// <param name="count">How many fire times to return; zero or more.</param>
    /// <returns>The fire times in ascending order, each with a zero UTC offset.</returns>
    /// <exception cref="CopilotJobException">The expression is not a valid EventBridge schedule expression.</exception>
    public static IReadOnlyList<DateTimeOffset> NextOccurrences(string awsExpression, DateTimeOffset from, int count)
    {
        ArgumentNullException.ThrowIfNull(awsExpression);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (AwsScheduleExpression.IsNone(awsExpression))
        {
            return [];
        }

        string? error = null;
        if (AwsScheduleExpression.IsCron(awsExpression) && AwsCronParser.TryParse(awsExpression, out var cron, out error))
        {
            return ScheduleOccurrences.After(cron!, from, count);
        }

        if (AwsScheduleExpression.IsRate(awsExpression) && AwsRateExpression.TryParse(awsExpression, out var rate, out error))
        {
            return ScheduleOccurrences.After(rate!, from, count);
        }

        throw new CopilotJobException($"schedule {GoQuoting.Quote(awsExpression)}: {error ?? "expected cron(...), rate(...) or none"}");
    }

    private static string ConvertDescriptor(string schedule, string jobName)
    {
        if (schedule.StartsWith(ScheduleDescriptors.EveryPrefix, StringComparison.Ordinal))
        {
            if (!ScheduleDescriptors.TryParseEvery(schedule, out var interval, out var parseError))
            {
                throw Fail(jobName, $"{InvalidSchedule}: {parseError}; expected \"@every <duration>\" with Go duration units h, m, s such as \"@every 1h30m\"");
            }

            return ScheduleDescriptors.TryConvertInterval(interval, out var rate, out var intervalError)
                ? rate!
                : throw Fail(jobName, $"parse fixed interval: {intervalError}");
        }

        return ScheduleDescriptors.TryGetPreset(schedule, out var preset)
            ? preset
            : throw Fail(jobName, $"{InvalidSchedule}: unrecognized descriptor: {schedule}; expected one of {ScheduleDescriptors.PresetList} or \"@every <duration>\"");
    }

    private static string? TimeZonePrefix(string schedule)
    {
        if (!schedule.StartsWith("TZ=", StringComparison.Ordinal) && !schedule.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            return null;
        }

        var end = schedule.IndexOfAny([' ', '\t']);
        return end < 0 ? schedule : schedule[..end];
    }

    private static string ExpectedForms(string schedule)
    {
        var hint = schedule.StartsWith("every ", StringComparison.Ordinal) ? $"did you mean \"@{schedule}\"? " : string.Empty;
        return hint + "expected 5 fields (minute hour day-of-month month day-of-week) such as \"0 9 * * 1-5\", a preset such as \"@daily\", "
            + "\"@every <duration>\", cron(...), rate(...) or none";
    }

    private static CopilotJobException Fail(string jobName, string message) =>
        new($"convert schedule for job {jobName}: {message}");
}
