using System.Globalization;
using System.Text;

namespace Copilot.Packaging.Conversions;

/// <summary>
/// Double-quoted string literals written the way Go writes them, in the two flavours copilot's output shows:
/// <c>strconv.Quote</c>/<c>%q</c> (error messages) and <c>encoding/json</c> (JSON embedded in templates). Both escape
/// <c>"</c>, <c>\</c>, newline, carriage return and tab the same way; they differ for other characters.
/// </summary>
internal static class GoQuoting
{
    /// <summary>
    /// <paramref name="text"/> quoted the way Go's <c>strconv.Quote</c> (and <c>%q</c>) writes ASCII text: other control
    /// characters become <c>\xNN</c>.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (TryAppendShortEscape(builder, c))
            {
                continue;
            }

            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="value"/> as a JSON string literal the way Go's <c>encoding/json</c> writes it: HTML-safe
    /// (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, U+2028 and U+2029 become <c>\u</c> escapes), other control characters
    /// become <c>\u00NN</c>, and an unpaired surrogate becomes <c>\ufffd</c>.
    /// </summary>
    public static string JsonQuote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (TryAppendShortEscape(builder, c))
            {
                continue;
            }

            if (c < 0x20 || c is '<' or '>' or '&' or '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // Go replaces invalid UTF-8 with U+FFFD; an unpaired surrogate is the .NET equivalent.
                builder.Append("\\ufffd");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    // The escapes both flavours share.
    private static bool TryAppendShortEscape(StringBuilder builder, char c)
    {
        var escape = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        if (escape is null)
        {
            return false;
        }

        builder.Append(escape);
        return true;
    }
}
