using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// Validates an EventBridge <c>cron(minutes hours day-of-month month day-of-week year)</c> expression offline, with the
/// rules of the EventBridge cron reference: six fields; <c>,</c> <c>-</c> <c>*</c> <c>/</c> everywhere; <c>?</c> only in the
/// day fields and in exactly one of them; <c>L</c>, <c>LW</c>, <c>nW</c> in day-of-month; <c>L</c>, <c>nL</c>, <c>n#k</c> in
/// day-of-week (each alone in its field). Ranges may wrap (<c>FRI-MON</c>), as in Quartz, whose syntax EventBridge follows.
/// </summary>
internal static class AwsCronParser
{
    private const string FieldOrder = "minutes hours day-of-month month day-of-week year";

    /// <summary>Parses <paramref name="expression"/> (starting with <c>cron(</c> and ending with <c>)</c>).</summary>
    /// <param name="expression">The whole expression.</param>
    /// <param name="schedule">The fire-time sets, when valid.</param>
    /// <param name="error">What is wrong and what is expected.</param>
    public static bool TryParse(string expression, out AwsCronSchedule? schedule, out string? error)
    {
        schedule = null;
        var fields = expression["cron(".Length..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = $"expected 6 fields inside cron(...) ({FieldOrder}), found {fields.Length}";
            return false;
        }

        if (!TryParseSet(fields[0], AwsCronFieldSpec.Minutes, out var minutes, out error)
            || !TryParseSet(fields[1], AwsCronFieldSpec.Hours, out var hours, out error))
        {
            return false;
        }

        IAwsDayRule? dayOfMonth = null;
        if (fields[2] != "?" && !TryParseDayOfMonth(fields[2], out dayOfMonth, out error))
        {
            return false;
        }

        if (!TryParseSet(fields[3], AwsCronFieldSpec.Month, out var months, out error))
        {
            return false;
        }

        IAwsDayRule? dayOfWeek = null;
        if (fields[4] != "?" && !TryParseDayOfWeek(fields[4], out dayOfWeek, out error))
        {
            return false;
        }

        if (!TryParseSet(fields[5], AwsCronFieldSpec.Year, out var years, out error))
        {
            return false;
        }

        switch (dayOfMonth, dayOfWeek)
        {
            case (null, null):
                error = "day-of-month and day-of-week cannot both be \"?\"; write \"*\" (or the days you want) in one of them";
                return false;
            case ({ }, { }):
                error = $"one of day-of-month and day-of-week must be \"?\" (found day-of-month {GoQuoting.Quote(fields[2])} and day-of-week {GoQuoting.Quote(fields[4])}); "
                    + "write \"?\" in the one you do not restrict";
                return false;
        }

        schedule = new AwsCronSchedule(minutes!, hours!, dayOfMonth ?? dayOfWeek!, months!, years!);
        error = null;
        return true;
    }

    private static bool TryParseDayOfMonth(string text, out IAwsDayRule? rule, out string? error)
    {
        var spec = AwsCronFieldSpec.DayOfMonth;
        rule = null;
        error = null;
        var upper = text.ToUpperInvariant();
        if (upper == "L")
        {
            rule = new LastDayOfMonthRule();
            return true;
        }

        if (upper == "LW")
        {
            rule = new LastWeekdayOfMonthRule();
            return true;
        }

        if (upper.EndsWith('W') && upper.Length > 1)
        {
            var dayText = upper[..^1];
            if (!TryParseValue(dayText, spec, out var day, out var problem))
            {
                error = FieldError(spec, text, problem);
                return false;
            }

            rule = new NearestWeekdayRule(day);
            return true;
        }

        if (upper.Contains('L', StringComparison.Ordinal) || upper.Contains('W', StringComparison.Ordinal))
        {
            error = FieldError(spec, text, "\"L\" and \"W\" must stand alone as L, LW or nW (such as 15W)");
            return false;
        }

        if (!TryParseSet(text, spec, out var days, out error))
        {
            return false;
        }

        rule = new DaysOfMonthRule(days!);
        return true;
    }

    private static bool TryParseDayOfWeek(string text, out IAwsDayRule? rule, out string? error)
    {
        var spec = AwsCronFieldSpec.DayOfWeek;
        rule = null;
        error = null;
        var upper = text.ToUpperInvariant();
        if (upper == "L")
        {
            rule = new DaysOfWeekRule(CronValues.Of(AwsCronFieldSpec.DayOfWeek.Min, AwsCronFieldSpec.DayOfWeek.Max, 7));
            return true;
        }

        var hash = upper.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!TryParseValue(upper[..hash], spec, out var day, out var problem))
            {
                error = FieldError(spec, text, problem + " before \"#\"");
                return false;
            }

            var occurrenceText = upper[(hash + 1)..];
            if (occurrenceText.Length != 1 || occurrenceText[0] is < '1' or > '5')
            {
                error = FieldError(spec, text, "the number after \"#\" must be 1-5 and \"#\" must stand alone (one n#k, such as 2#1 for the first Monday)");
                return false;
            }

            rule = new NthDayOfWeekInMonthRule(day, occurrenceText[0] - '0');
            return true;
        }

        if (upper.EndsWith('L'))
        {
            if (!TryParseValue(upper[..^1], spec, out var day, out var problem))
            {
                error = FieldError(spec, text, problem + " before \"L\"; \"L\" must stand alone as L or nL (such as 6L for the last Friday)");
                return false;
            }

            rule = new LastDayOfWeekInMonthRule(day);
            return true;
        }

        if (upper.Contains('L', StringComparison.Ordinal))
        {
            error = FieldError(spec, text, "\"L\" must stand alone as L or nL (such as 6L for the last Friday)");
            return false;
        }

        if (!TryParseSet(text, spec, out var days, out error))
        {
            return false;
        }

        rule = new DaysOfWeekRule(days!);
        return true;
    }

    private static bool TryParseSet(string text, AwsCronFieldSpec spec, out CronValues? values, out string? error)
    {
        values = null;
        var set = new CronValues(spec.Min, spec.Max);
        foreach (var item in text.Split(','))
        {
            if (!TryAddItem(item, spec, set, out var problem))
            {
                error = FieldError(spec, text, problem);
                return false;
            }
        }

        values = set;
        error = null;
        return true;
    }

    private static bool TryAddItem(string item, AwsCronFieldSpec spec, CronValues set, [NotNullWhen(false)] out string? problem)
    {
        if (item.Length == 0)
        {
            problem = "a list item is empty";
            return false;
        }

        if (item.Contains('?', StringComparison.Ordinal))
        {
            problem = spec == AwsCronFieldSpec.DayOfMonth || spec == AwsCronFieldSpec.DayOfWeek
                ? "\"?\" must be the whole field"
                : "\"?\" is allowed only in day-of-month and day-of-week";
            return false;
        }

        var rangeAndStep = item.Split('/');
        if (rangeAndStep.Length > 1 && spec == AwsCronFieldSpec.DayOfWeek)
        {
            problem = $"{GoQuoting.Quote(item)} uses \"/\", which EventBridge does not accept in day-of-week; list the days instead (for example 2,4,6)";
            return false;
        }

        if (rangeAndStep.Length > 2)
        {
            problem = $"{GoQuoting.Quote(item)} has more than one \"/\"";
            return false;
        }

        var step = 1;
        if (rangeAndStep.Length == 2
            && (!int.TryParse(rangeAndStep[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            problem = $"the increment after \"/\" in {GoQuoting.Quote(item)} must be a positive whole number";
            return false;
        }

        int first;
        int last;
        var range = rangeAndStep[0].Split('-');
        if (range.Length > 2)
        {
            problem = $"{GoQuoting.Quote(item)} has more than one \"-\"";
            return false;
        }

        if (range[0] == "*")
        {
            if (range.Length == 2)
            {
                problem = $"{GoQuoting.Quote(item)} is not a range; write a-b with two values";
                return false;
            }

            (first, last) = (spec.Min, spec.Max);
        }
        else
        {
            if (!TryParseValue(range[0], spec, out first, out problem))
            {
                return false;
            }

            last = first;
            if (range.Length == 2 && !TryParseValue(range[1], spec, out last, out problem))
            {
                return false;
            }

            if (range.Length == 1 && rangeAndStep.Length == 2)
            {
                last = spec.Max;
            }
        }

        // A range whose end is below its start wraps around the field (FRI-MON, 22-2), as in Quartz.
        var size = spec.Max - spec.Min + 1;
        var span = ((last - first) % size + size) % size;
        for (var offset = 0; offset <= span; offset += step)
        {
            set.Add(spec.Min + ((first - spec.Min + offset) % size));
        }

        problem = null;
        return true;
    }

    private static bool TryParseValue(string text, AwsCronFieldSpec spec, out int value, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (spec.Names is not null && spec.Names.TryGetValue(text, out value))
        {
            return true;
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            problem = text.Length == 0
                ? "a value is missing"
                : spec.Names is null
                    ? $"{GoQuoting.Quote(text)} is not a number"
                    : $"{GoQuoting.Quote(text)} is not a number or a name";
            return false;
        }

        if (value < spec.Min || value > spec.Max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{value} is out of range {spec.Min}-{spec.Max}");
            return false;
        }

        return true;
    }

    private static string FieldError(AwsCronFieldSpec spec, string text, string problem) =>
        $"{spec.Name} field {GoQuoting.Quote(text)} is not valid: {problem}; expected {spec.Expected}";
}
