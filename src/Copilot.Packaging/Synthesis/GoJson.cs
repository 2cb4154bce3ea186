using System.Globalization;
using System.Text;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Writes JSON the way Go's <c>encoding/json</c> does: map keys sorted by bytes and HTML-safe string escaping
/// (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, U+2028 and U+2029 become <c>\u</c> escapes).
/// </summary>
internal static class GoJson
{
    /// <summary>A JSON string literal, quotes included.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    AppendEscape(builder, c);
                    break;
                default:
                    if (c < 0x20)
                    {
                        AppendEscape(builder, c);
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

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>A one-line JSON object of string values, keys sorted (<c>{"a":"x","b":"y"}</c>).</summary>
    public static string CompactObject(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var builder = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in entries.OrderBy(e => e.Key, Utf8OrdinalComparer.Instance))
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            builder.Append(Quote(key)).Append(':').Append(Quote(value));
        }

        return builder.Append('}').ToString();
    }

    /// <summary>
    /// A JSON object of string values as Go's <c>json.MarshalIndent</c> writes it with a two-space indent, nested
    /// <paramref name="depth"/> levels deep (the opening brace is not indented; the closing one is).
    /// </summary>
    public static void AppendIndentedObject(StringBuilder builder, IReadOnlyDictionary<string, string> entries, int depth)
    {
        if (entries.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        var inner = new string(' ', (depth + 1) * 2);
        builder.Append("{\n");
        var first = true;
        foreach (var (key, value) in Utf8OrdinalComparer.Sorted(entries))
        {
            if (!first)
            {
                builder.Append(",\n");
            }

            first = false;
            builder.Append(inner).Append(Quote(key)).Append(": ").Append(Quote(value));
        }

        builder.Append('\n').Append(' ', depth * 2).Append('}');
    }

    private static void AppendEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
