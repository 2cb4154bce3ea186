namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>Which days of a month an EventBridge cron fires on (from whichever day field is not <c>?</c>).</summary>
internal interface IAwsDayRule
{
    /// <summary>True when the schedule fires on <paramref name="date"/>.</summary>
    bool Matches(DateOnly date);
}

/// <summary>Day-of-month values and ranges, for example <c>1,15</c>.</summary>
internal sealed record DaysOfMonthRule(CronValues Days) : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date) => Days.Contains(date.Day);
}

/// <summary><c>L</c> in day-of-month: the last day of the month.</summary>
internal sealed record LastDayOfMonthRule : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);
}

/// <summary><c>LW</c> in day-of-month: the last weekday (Monday to Friday) of the month.</summary>
internal sealed record LastWeekdayOfMonthRule : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date)
    {
        var last = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
        var weekday = last.DayOfWeek switch
        {
            DayOfWeek.Saturday => last.AddDays(-1),
            DayOfWeek.Sunday => last.AddDays(-2),
            _ => last,
        };
        return date == weekday;
    }
}

/// <summary>
/// <c>nW</c> in day-of-month: the weekday nearest to day n, without leaving the month (Quartz rules: a Saturday moves to
/// Friday unless n is the 1st, then to Monday the 3rd; a Sunday moves to Monday unless n is the last day, then to Friday).
/// </summary>
internal sealed record NearestWeekdayRule(int Day) : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date)
    {
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        if (Day > daysInMonth)
        {
            return false;
        }

        var target = new DateOnly(date.Year, date.Month, Day);
        var weekday = target.DayOfWeek switch
        {
            DayOfWeek.Saturday => Day == 1 ? target.AddDays(2) : target.AddDays(-1),
            DayOfWeek.Sunday => Day == daysInMonth ? target.AddDays(-2) : target.AddDays(1),
            _ => target,
        };
        return date == weekday;
    }
}

/// <summary>Day-of-week values and ranges in EventBridge numbering (1 is Sunday), for example <c>MON-FRI</c>.</summary>
internal sealed record DaysOfWeekRule(CronValues AwsDays) : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date) => AwsDays.Contains(AwsDayOf(date));

    /// <summary>The EventBridge day-of-week number of <paramref name="date"/> (Sunday 1 to Saturday 7).</summary>
    public static int AwsDayOf(DateOnly date) => (int)date.DayOfWeek + 1;
}

/// <summary><c>nL</c> in day-of-week: the last such weekday of the month, for example <c>6L</c> (last Friday).</summary>
internal sealed record LastDayOfWeekInMonthRule(int AwsDay) : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date) =>
        DaysOfWeekRule.AwsDayOf(date) == AwsDay && date.Day + 7 > DateTime.DaysInMonth(date.Year, date.Month);
}

/// <summary><c>n#k</c> in day-of-week: the k-th such weekday of the month, for example <c>2#1</c> (first Monday).</summary>
internal sealed record NthDayOfWeekInMonthRule(int AwsDay, int Occurrence) : IAwsDayRule
{
    /// <inheritdoc />
    public bool Matches(DateOnly date) =>
        DaysOfWeekRule.AwsDayOf(date) == AwsDay && ((date.Day - 1) / 7) + 1 == Occurrence;
}
