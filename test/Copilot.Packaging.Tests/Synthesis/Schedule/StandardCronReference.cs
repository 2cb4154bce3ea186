using System.Globalization;

namespace Copilot.Packaging.Tests.Synthesis.Schedule;

/// <summary>
/// A small, independent model of how a standard 5-field cron fires (robfig/cron semantics, plus 7 as Sunday), used as the
/// oracle for the converter: it shares no code with the production parser. Input must be well-formed.
/// </summary>
internal sealed class StandardCronReference
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly bool[] minutes;
    private readonly bool[] hours;
    private readonly bool[] daysOfMonth;
    private readonly bool[] months;
    private readonly bool[] daysOfWeek;
    private readonly bool dayOfMonthStar;
    private readonly bool dayOfWeekStar;

    public StandardCronReference(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        (minutes, _) = Expand(fields[0], 0, 59, null);
        (hours, _) = Expand(fields[1], 0, 23, null);
        (daysOfMonth, dayOfMonthStar) = Expand(fields[2], 1, 31, null);
        (months, _) = Expand(fields[3], 1, 12, MonthNames);
        (daysOfWeek, dayOfWeekStar) = Expand(fields[4], 0, 6, DayNames);
    }

    /// <summary>True when robfig would combine the day fields with OR (both restrict), which EventBridge cannot express.</summary>
    public bool BothDayFieldsRestrict => !dayOfMonthStar && !dayOfWeekStar;

    /// <summary>The fire times strictly after <paramref name="from"/> and before <paramref name="until"/>, at most <paramref name="count"/>.</summary>
    public List<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset until, int count)
    {
        var result = new List<DateTimeOffset>();
        for (var day = new DateTimeOffset(from.Date, TimeSpan.Zero); day < until && result.Count < count; day = day.AddDays(1))
        {
            if (!months[day.Month] || !DayMatches(day))
            {
                continue;
            }

            for (var hour = 0; hour < 24 && result.Count < count; hour++)
            {
                for (var minute = 0; minute < 60 && result.Count < count; minute++)
                {
                    var time = day.AddHours(hour).AddMinutes(minute);
                    if (hours[hour] && minutes[minute] && time > from && time < until)
                    {
                        result.Add(time);
                    }
                }
            }
        }

        return result;
    }

    private bool DayMatches(DateTimeOffset day)
    {
        var dom = daysOfMonth[day.Day];
        var dow = daysOfWeek[(int)day.DayOfWeek];
        return dayOfMonthStar || dayOfWeekStar ? dom && dow : dom || dow;
    }

    private static (bool[] Values, bool Star) Expand(string field, int min, int max, string[]? names)
    {
        var values = new bool[max + 2];
        var star = false;
        foreach (var item in field.Split(','))
        {
            var slash = item.Split('/');
            var step = slash.Length == 2 ? int.Parse(slash[1], CultureInfo.InvariantCulture) : 1;
            int first;
            int last;
            if (slash[0] is "*" or "?")
            {
                (first, last) = (min, max);
                star |= step == 1;
            }
            else
            {
                var dash = slash[0].Split('-');
                first = Value(dash[0], names);
                last = dash.Length == 2 ? Value(dash[1], names) : slash.Length == 2 ? max : first;
            }

            for (var v = first; v <= last; v += step)
            {
                values[v == 7 && names == DayNames ? 0 : v] = true;
            }
        }

        return (values, star);
    }

    private static int Value(string text, string[]? names)
    {
        var index = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.Parse(text, CultureInfo.InvariantCulture) : index + (names == MonthNames ? 1 : 0);
    }
}
