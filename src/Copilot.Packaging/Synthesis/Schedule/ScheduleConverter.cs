namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>Converts <c>on.schedule</c> to the EventBridge expression of the <c>Schedule</c> parameter.</summary>
public static class ScheduleConverter
{
    /// <summary>
    /// Converts a manifest schedule (<c>@daily</c>, <c>@every 1h30m</c>, a 5-field cron, <c>cron(...)</c>, <c>rate(...)</c>
    /// or <c>none</c>) to an EventBridge schedule expression.
    /// </summary>
    /// <param name="schedule">The schedule as written in the manifest.</param>
    /// <param name="jobName">The job name, for messages.</param>
    /// <returns>The expression, for example <c>cron(0 0 * * ? *)</c>, <c>rate(90 minutes)</c> or <c>none</c>.</returns>
    /// <exception cref="Errors.CopilotJobException">The schedule is not valid.</exception>
    public static string ToAwsExpression(string schedule, string jobName) =>
        throw new NotImplementedException("Implemented by the schedule work item.");
}
