using System.Text;
using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Writes JSON the way Go's <c>encoding/json</c> does: map keys sorted by bytes and strings quoted by
/// <see cref="GoQuoting.JsonQuote"/> (HTML-safe escaping).
/// </summary>
internal static class GoJson
{
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
            builder.Append(GoQuoting.JsonQuote(key)).Append(':').Append(GoQuoting.JsonQuote(value));
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
            builder.Append(inner).Append(GoQuoting.JsonQuote(key)).Append(": ").Append(GoQuoting.JsonQuote(value));
        }

        builder.Append('\n').Append(' ', depth * 2).Append('}');
    }
}
