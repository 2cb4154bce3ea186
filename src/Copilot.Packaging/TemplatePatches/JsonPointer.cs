namespace Copilot.Packaging.TemplatePatches;

/// <summary>
/// An RFC 6901 JSON pointer into the template: <c>""</c> is the whole template, <c>/Resources/Rule</c> a key path;
/// <c>~1</c> stands for <c>/</c> and <c>~0</c> for <c>~</c> inside a key.
/// </summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>The pointer as written.</summary>
    public string Text { get; }

    /// <summary>The unescaped keys below the document, outermost first; empty for the whole document.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>Parses a pointer; null when it neither is empty nor starts with <c>/</c>.</summary>
    public static JsonPointer? TryParse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            return null;
        }

        var segments = text[1..].Split('/').Select(Unescape).ToList();
        return new JsonPointer(text, segments);
    }

    /// <summary>The pointer text addressing <paramref name="segments"/> (the empty string for the document).</summary>
    public static string Format(IEnumerable<string> segments) => string.Concat(segments.Select(s => "/" + Escape(s)));

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
