using System.Globalization;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// Go's <c>strconv.Atoi</c> as robfig/cron uses it: an optional sign followed by decimal digits, with Go's error texts
/// (<c>strconv.Atoi: parsing "L": invalid syntax</c>), so our messages for bad cron numbers match copilot's.
/// </summary>
internal static class GoAtoi
{
    /// <summary>Parses <paramref name="text"/> as a signed 64-bit decimal integer.</summary>
    /// <returns>True on success; otherwise <paramref name="error"/> holds Go's message.</returns>
    public static bool TryParse(string text, out long value, out string? error)
    {
        value = 0;
        error = null;
        var digits = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            error = $"strconv.Atoi: parsing {GoQuoting.Quote(text)}: invalid syntax";
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"strconv.Atoi: parsing {GoQuoting.Quote(text)}: value out of range";
            return false;
        }

        return true;
    }
}
