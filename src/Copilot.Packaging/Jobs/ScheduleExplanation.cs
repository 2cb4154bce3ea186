using System.Globalization;
using Copilot.Packaging.Synthesis.Schedule;

namespace Copilot.Packaging.Jobs;

/// <summary>One line that says what EventBridge will run for <c>on.schedule</c>, and when (copilot rewrote schedules silently).</summary>
internal static class ScheduleExplanation
{
    /// <summary>The line for <paramref name="written"/>, converted to <paramref name="expression"/>, seen at <paramref name="now"/>.</summary>
    public static string Describe(string written, string expression, DateTimeOffset now)
    {
        if (expression == "none")
        {
            return $"Schedule \"{written}\": the rule is created disabled; start the job by hand.";
        }

        var shown = written == expression ? expression : $"\"{written}\" runs as {expression}";
        if (!expression.StartsWith("cron(", StringComparison.Ordinal))
        {
            return $"Schedule: {shown} (counted from when the rule is created).";
        }

        var next = ScheduleConverter.NextOccurrences(expression, now, 3)
            .Select(t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return $"Schedule: {shown} in UTC; next runs: {string.Join(", ", next)}.";
    }
}
