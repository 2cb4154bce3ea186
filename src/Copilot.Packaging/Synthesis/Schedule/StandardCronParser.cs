using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// Parses a standard 5-field cron (minute hour day-of-month month day-of-week) with the rules and error texts of
/// robfig/cron v3 <c>ParseStandard</c>, which copilot uses to validate schedules. Differences, all deliberate:
/// day-of-week <c>7</c> is Sunday; <c>*-5</c> and lists with no values are rejected instead of silently accepted.
/// Descriptors (<c>@daily</c>) and time zone prefixes are handled by the caller.
/// </summary>
internal static class StandardCronParser
{
    private static readonly StandardCronFieldSpec[] Fields =
    [
        StandardCronFieldSpec.Minute,
        StandardCronFieldSpec.Hour,
        StandardCronFieldSpec.DayOfMonth,
        StandardCronFieldSpec.Month,
        StandardCronFieldSpec.DayOfWeek,
    ];

    /// <summary>Parses <paramref name="spec"/>, or explains (in robfig's words) why it is not a standard cron.</summary>
    public static bool TryParse(string spec, out StandardCronExpression? expression, out string? error)
    {
        expression = null;
        var texts = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (texts.Length != Fields.Length)
        {
            error = $"expected exactly {Fields.Length} fields, found {texts.Length}: [{string.Join(' ', texts)}]";
            return false;
        }

        var fields = new StandardCronField[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            if (!TryParseField(texts[i], Fields[i], out var field, out error))
            {
                return false;
            }

            fields[i] = field!;
        }

        expression = new StandardCronExpression(fields[0], fields[1], fields[2], fields[3], fields[4]);
        error = null;
        return true;
    }

    private static bool TryParseField(string text, StandardCronFieldSpec spec, out StandardCronField? field, out string? error)
    {
        field = null;
        var items = new List<StandardCronItem>();
        foreach (var expr in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseItem(expr, spec, out var item, out error))
            {
                return false;
            }

            items.Add(item!);
        }

        if (items.Count == 0)
        {
            error = $"{spec.Name} field {GoQuoting.Quote(text)} has no values";
            return false;
        }

        field = new StandardCronField(spec, text, items);
        error = null;
        return true;
    }

    // Mirrors robfig's getRange: parse start, end and step in that order, then check bounds in robfig's order.
    private static bool TryParseItem(string expr, StandardCronFieldSpec spec, out StandardCronItem? item, out string? error)
    {
        item = null;
        var rangeAndStep = expr.Split('/');
        var lowAndHigh = rangeAndStep[0].Split('-');
        var singleValue = lowAndHigh.Length == 1;
        CronToken? start = null;
        CronToken? end = null;
        long first;
        long last;

        if (lowAndHigh[0] is "*" or "?")
        {
            if (!singleValue)
            {
                error = $"a range cannot start with {GoQuoting.Quote(lowAndHigh[0])}; write a-b with two values: {expr}";
                return false;
            }

            first = spec.Min;
            last = spec.Max;
        }
        else
        {
            if (!TryParseIntOrName(lowAndHigh[0], spec, out var startToken, out first, out error))
            {
                return false;
            }

            start = startToken;
            last = first;
            switch (lowAndHigh.Length)
            {
                case 1:
                    break;
                case 2:
                    if (!TryParseIntOrName(lowAndHigh[1], spec, out var endToken, out last, out error))
                    {
                        return false;
                    }

                    end = endToken;
                    break;
                default:
                    error = $"too many hyphens: {expr}";
                    return false;
            }
        }

        long step = 1;
        switch (rangeAndStep.Length)
        {
            case 1:
                break;
            case 2:
                if (!TryMustParseInt(rangeAndStep[1], out step, out error))
                {
                    return false;
                }

                if (singleValue)
                {
                    last = spec.Max;
                }

                break;
            default:
                error = $"too many slashes: {expr}";
                return false;
        }

        var highest = start is null || (singleValue && rangeAndStep.Length == 2) ? spec.Max : spec.HighestValue;
        if (first < spec.Min)
        {
            error = $"beginning of range ({first}) below minimum ({spec.Min}): {expr}";
            return false;
        }

        if (last > highest)
        {
            error = $"end of range ({last}) above maximum ({highest}): {expr}";
            return false;
        }

        if (first > last)
        {
            error = $"beginning of range ({first}) beyond end of range ({last}): {expr}";
            return false;
        }

        if (step == 0)
        {
            error = $"step of range should be a positive number: {expr}";
            return false;
        }

        item = new StandardCronItem(start, end, (int)Math.Min(step, int.MaxValue), rangeAndStep.Length == 2);
        error = null;
        return true;
    }

    private static bool TryParseIntOrName(string text, StandardCronFieldSpec spec, out CronToken token, out long number, out string? error)
    {
        if (spec.Names is not null && spec.Names.TryGetValue(text, out var named))
        {
            token = new CronToken(named, text, IsName: true);
            number = named;
            error = null;
            return true;
        }

        token = default;
        if (!TryMustParseInt(text, out number, out error))
        {
            return false;
        }

        // A value beyond the field fails the bounds checks, which report the unclamped number.
        token = new CronToken((int)Math.Min(number, int.MaxValue), number.ToString(System.Globalization.CultureInfo.InvariantCulture), IsName: false);
        return true;
    }

    private static bool TryMustParseInt(string text, out long number, out string? error)
    {
        if (!GoAtoi.TryParse(text, out number, out var atoiError))
        {
            error = $"failed to parse int from {text}: {atoiError}";
            return false;
        }

        if (number < 0)
        {
            error = $"negative number ({number}) not allowed: {text}";
            return false;
        }

        error = null;
        return true;
    }
}
