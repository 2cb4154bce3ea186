using System.Globalization;

namespace Copilot.Packaging.Conversions;

/// <summary>
/// Parses duration strings the way Go's <c>time.ParseDuration</c> does (<c>1h30m</c>, <c>90s</c>, <c>1.5h</c>, <c>500ms</c>),
/// because copilot manifests use that syntax for <c>timeout</c>, health checks and <c>@every</c> schedules.
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, decimal Nanoseconds)[] Units =
    [
        ("ns", 1m),
        ("us", 1_000m),
        ("\u00b5s", 1_000m),
        ("\u03bcs", 1_000m),
        ("ms", 1_000_000m),
        ("s", 1_000_000_000m),
        ("m", 60_000_000_000m),
        ("h", 3_600_000_000_000m),
    ];

    /// <summary>Parses <paramref name="text"/>, or explains why it is not a duration.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The duration, when parsing succeeded.</param>
    /// <param name="error">Go's error text (for example <c>time: unknown unit " hours" in duration "5 hours"</c>), when it failed.</param>
    /// <returns>True when <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var quoted = "\"" + text + "\"";
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            error = $"time: invalid duration {quoted}";
            return false;
        }

        decimal totalNs = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var intPart = s[..i];
            var fracPart = string.Empty;
            if (i < s.Length && s[i] == '.')
            {
                var j = i + 1;
                while (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    j++;
                }

                fracPart = s[(i + 1)..j];
                i = j;
            }

            if (intPart.Length == 0 && fracPart.Length == 0)
            {
                error = $"time: invalid duration {quoted}";
                return false;
            }

            var unitStart = i;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var unit = s[unitStart..i];
            if (unit.Length == 0)
            {
                error = $"time: missing unit in duration {quoted}";
                return false;
            }

            var factor = Array.Find(Units, u => u.Unit == unit).Nanoseconds;
            if (factor == 0)
            {
                error = $"time: unknown unit \"{unit}\" in duration {quoted}";
                return false;
            }

            var number = decimal.Parse((intPart.Length == 0 ? "0" : intPart) + (fracPart.Length == 0 ? string.Empty : "." + fracPart), CultureInfo.InvariantCulture);
            totalNs += number * factor;
            if (totalNs > long.MaxValue)
            {
                error = $"time: invalid duration {quoted}";
                return false;
            }

            s = s[i..];
        }

        var ticks = (long)decimal.Truncate(totalNs / 100m);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> and throws <see cref="FormatException"/> with Go's message when it is invalid.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);
}
