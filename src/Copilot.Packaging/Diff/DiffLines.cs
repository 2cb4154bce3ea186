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

    /// <summary>
    /// Adds <c>indent</c> spaces followed by <paramref name="content"/> in <paramref name="style"/>. Trailing spaces
    /// of the content are kept (they can be the change); a line of spaces only is written empty.
    /// </summary>
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

        var written = line.ToString();
        text.Append(string.IsNullOrWhiteSpace(written) ? string.Empty : written).Append('\n');
    }

    /// <summary>
    /// Adds each line with <paramref name="prefix"/> (<c>"+ "</c>, <c>"- "</c>, <c>"~ "</c>) after the indentation.
    /// An empty line is written as the prefix alone, without the space.
    /// </summary>
    public void AddBlock(int indent, string prefix, IEnumerable<string> lines, LineStyle style)
    {
        foreach (var line in lines)
        {
            Add(indent, line.Length == 0 ? prefix.TrimEnd() : prefix + line, style);
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
        return color && code is not null && part.Length > 0 ? code + part + Reset : part;
    }
}
