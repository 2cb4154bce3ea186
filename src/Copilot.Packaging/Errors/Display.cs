using System.Globalization;
using System.Text;

namespace Copilot.Packaging.Errors;

/// <summary>
/// Makes outside text safe to echo in a message: control characters (ESC, CR, the C1 range, U+2028/U+2029, bidi
/// overrides) are escaped as <c>\u001b</c>-style sequences so nothing reaches the terminal raw, and long values are cut
/// to <see cref="MaxLength"/> characters with an ellipsis and the total length. Every value from a manifest, a record,
/// AWS or a process that goes into a message goes through here (messages are built in one place:
/// <see cref="CopilotJobException"/> and the reporter apply <see cref="Message"/> as a last guard).
/// </summary>
public static class Display
{
    /// <summary>The most characters of one value echoed.</summary>
    public const int MaxLength = 200;

    /// <summary>The most characters of one line of a message (a sentence with its values).</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>A value as it may be echoed: escaped and cut to <see cref="MaxLength"/>.</summary>
    /// <param name="value">The outside text; null echoes as an empty string.</param>
    public static string Value(string? value) => Cap(Escape(value ?? string.Empty, keepNewLines: false), MaxLength, value?.Length ?? 0);

    /// <summary>
    /// A whole message as it may be printed: control characters escaped except line feeds (messages may list several
    /// problems on their own lines), each line cut to <see cref="MaxMessageLength"/>. The last guard before the terminal.
    /// </summary>
    /// <param name="message">The message.</param>
    public static string Message(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var lines = message.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].EndsWith('\r') ? lines[i][..^1] : lines[i];
            lines[i] = Cap(Escape(line, keepNewLines: true), MaxMessageLength, line.Length);
        }

        return string.Join('\n', lines);
    }

    private static string Cap(string escaped, int max, int originalLength)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var cut = max;
        if (char.IsHighSurrogate(escaped[cut - 1]))
        {
            cut--;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{escaped[..cut]}… ({originalLength} characters in all)");
    }

    private static string Escape(string value, bool keepNewLines)
    {
        var index = 0;
        while (index < value.Length && !NeedsEscape(value[index], keepNewLines))
        {
            index++;
        }

        if (index == value.Length)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, index);
        for (; index < value.Length; index++)
        {
            var c = value[index];
            if (!NeedsEscape(c, keepNewLines))
            {
                builder.Append(c);
                continue;
            }

            _ = c switch
            {
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                _ => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };

            // Stop early on huge values: the cap cuts the rest anyway.
            if (builder.Length > MaxMessageLength + 16)
            {
                builder.Append(value, index + 1, Math.Min(value.Length - index - 1, 16));
                break;
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c, bool keepNewLines) =>
        (c == '\n' && !keepNewLines)
        || (c != '\n' && char.IsControl(c))
        || c is '\u2028' or '\u2029' or '\u0085'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200e' or '\u200f' or '\u061c';
}
