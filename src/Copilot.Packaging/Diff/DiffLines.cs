using System.Text;

namespace Copilot.Packaging.Diff;

/// <summary>Collects diff lines: indentation, then content coloured with ANSI escapes when colour is on.</summary>
internal sealed class DiffLines
{
    private const string Reset = "\u001b[0m";
    private readonly StringBuilder text = new();
    private readonly bool color;

    public DiffLines(bool color)
    {
        this.color = color;
    }

    /// <summary>Adds <c>indent</c> spaces followed by <paramref name="content"/> in <paramref name="style"/>.</summary>
    public void Add(int indent, string content, LineStyle style = LineStyle.Plain) =>
        AddParts(indent, (content, style));

    /// <summary>Adds a line made of differently styled parts.</summary>
    public void AddParts(int indent, params (string Text, LineStyle Style)[] parts)
    {
        var line = new StringBuilder(new string(' ', indent));
        foreach (var (part, style) in parts)
        {
            line.Append(Colored(part, style));
        }

        text.Append(TrimEndKeepingEscapes(line.ToString())).Append('\n');
    }

    /// <summary>Adds each line with <paramref name="prefix"/> (<c>"+ "</c>, <c>"- "</c>, <c>"~ "</c>) after the indentation.</summary>
    public void AddBlock(int indent, string prefix, IEnumerable<string> lines, LineStyle style)
    {
        foreach (var line in lines)
        {
            Add(indent, prefix + line, style);
        }
    }

    public override string ToString() => text.ToString();

    private string Colored(string part, LineStyle style)
    {
        var code = style switch
        {
            LineStyle.Modified => "\u001b[93m",
            LineStyle.Removed => "\u001b[91m",
            LineStyle.Added => "\u001b[92m",
            LineStyle.Faint => "\u001b[2m",
            _ => null,
        };
        return color && code is not null && part.Length > 0 ? code + part.TrimEnd() + Reset : part;
    }

    // Trailing spaces carry no meaning in a diff line; drop them so outputs compare cleanly.
    private static string TrimEndKeepingEscapes(string line) => line.TrimEnd(' ');
}
