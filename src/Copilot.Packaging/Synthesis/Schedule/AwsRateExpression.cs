using System.Globalization;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>A validated EventBridge <c>rate(value unit)</c> expression.</summary>
/// <param name="Value">The positive count of units.</param>
/// <param name="Unit">The unit as written (<c>minute</c>, <c>minutes</c>, <c>hour</c>, <c>hours</c>, <c>day</c> or <c>days</c>).</param>
internal sealed record AwsRateExpression(long Value, string Unit)
{
    private static readonly Dictionary<string, (string Singular, long Minutes)> Units = new(StringComparer.Ordinal)
    {
        ["minute"] = ("minute", 1),
        ["minutes"] = ("minute", 1),
        ["hour"] = ("hour", 60),
        ["hours"] = ("hour", 60),
        ["day"] = ("day", 1440),
        ["days"] = ("day", 1440),
    };

    /// <summary>The time between two runs.</summary>
    public TimeSpan Interval => TimeSpan.FromMinutes(Value * Units[Unit].Minutes);

    /// <summary>
    /// Parses <c>rate(value unit)</c> with EventBridge's rules: a positive whole value and a unit that is singular for 1 and plural otherwise.
    /// </summary>
    /// <param name="expression">The whole expression, starting with <c>rate(</c> and ending with <c>)</c>.</param>
    /// <param name="rate">The parsed rate.</param>
    /// <param name="error">What is wrong and what is expected.</param>
    public static bool TryParse(string expression, out AwsRateExpression? rate, out string? error)
    {
        rate = null;
        var parts = expression["rate(".Length..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = "expected a value and a unit inside rate(...), such as rate(5 minutes) or rate(1 hour)";
            return false;
        }

        var (valueText, unit) = (parts[0], parts[1]);
        if (!valueText.All(char.IsAsciiDigit)
            || !long.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < 1
            || value > int.MaxValue)
        {
            error = $"rate value {GoQuoting.Quote(valueText)} is not valid; expected a positive whole number such as rate(5 minutes)";
            return false;
        }

        if (!Units.TryGetValue(unit, out var known))
        {
            error = $"rate unit {GoQuoting.Quote(unit)} is not valid; expected minute, minutes, hour, hours, day or days";
            return false;
        }

        var expected = value == 1 ? known.Singular : known.Singular + "s";
        if (unit != expected)
        {
            error = value == 1
                ? $"a rate of 1 needs the singular unit \"{expected}\": rate(1 {expected})"
                : string.Create(CultureInfo.InvariantCulture, $"a rate of {value} needs the plural unit \"{expected}\": rate({value} {expected})");
            return false;
        }

        rate = new AwsRateExpression(value, unit);
        error = null;
        return true;
    }
}
