namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>Computes the next fire times (UTC) of validated EventBridge schedules. Pure: the start time is an argument.</summary>
internal static class ScheduleOccurrences
{
    private const int LastYear = 2199;

    /// <summary>
    /// The first <paramref name="count"/> minutes strictly after <paramref name="from"/> that <paramref name="cron"/> fires on;
    /// fewer when the expression stops firing before the end of 2199 (the last year EventBridge accepts).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> After(AwsCronSchedule cron, DateTimeOffset from, int count)
    {
        var results = new List<DateTimeOffset>(Math.Min(count, 1024));
        var utc = from.UtcDateTime;
        if (count == 0 || utc.Year > LastYear)
        {
            return results;
        }

        var earliest = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var firstYear = cron.Years.Min();
        if (earliest.Year < firstYear)
        {
            earliest = new DateTime(firstYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        var hours = cron.Hours.Ascending();
        var minutes = cron.Minutes.Ascending();
        var date = DateOnly.FromDateTime(earliest);
        while (date.Year <= LastYear)
        {
            if (!cron.Years.Contains(date.Year))
            {
                if (date.Year == LastYear)
                {
                    break;
                }

                date = new DateOnly(date.Year + 1, 1, 1);
                continue;
            }

            if (!cron.Months.Contains(date.Month))
            {
                if (date.Year == LastYear && date.Month == 12)
                {
                    break;
                }

                date = new DateOnly(date.Year, date.Month, 1).AddMonths(1);
                continue;
            }

            if (cron.Days.Matches(date))
            {
                foreach (var hour in hours)
                {
                    foreach (var minute in minutes)
                    {
                        var candidate = new DateTime(date.Year, date.Month, date.Day, hour, minute, 0, DateTimeKind.Utc);
                        if (candidate < earliest)
                        {
                            continue;
                        }

                        results.Add(new DateTimeOffset(candidate));
                        if (results.Count == count)
                        {
                            return results;
                        }
                    }
                }
            }

            if (date == new DateOnly(LastYear, 12, 31))
            {
                break;
            }

            date = date.AddDays(1);
        }

        return results;
    }

    /// <summary>
    /// The next <paramref name="count"/> runs of <paramref name="rate"/>, taking <paramref name="from"/> as the moment the rule was
    /// created (EventBridge starts counting a rate then); stops early at the end of representable time.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> After(AwsRateExpression rate, DateTimeOffset from, int count)
    {
        var results = new List<DateTimeOffset>(Math.Min(count, 1024));
        var utc = from.ToUniversalTime();
        var interval = rate.Interval;
        for (var i = 1; i <= count; i++)
        {
            if (DateTimeOffset.MaxValue - utc < interval)
            {
                break;
            }

            utc += interval;
            results.Add(utc);
        }

        return results;
    }
}
