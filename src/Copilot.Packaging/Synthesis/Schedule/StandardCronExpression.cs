namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>A parsed standard 5-field cron expression (minute hour day-of-month month day-of-week).</summary>
internal sealed record StandardCronExpression(
    StandardCronField Minute,
    StandardCronField Hour,
    StandardCronField DayOfMonth,
    StandardCronField Month,
    StandardCronField DayOfWeek);
