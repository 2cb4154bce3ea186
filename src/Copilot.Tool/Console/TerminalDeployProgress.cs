using System.Text;
using Copilot.Packaging.Deploy;

namespace Copilot.Tool;

/// <summary>
/// Deploy progress on a terminal: a live view redrawn in place (ANSI cursor movement) on every poll — the stack's row,
/// then one row per resource with its description, status and elapsed time, and failure reasons under the row. The last
/// frame stays on screen. Colour only when allowed (<c>NO_COLOR</c> unset).
/// </summary>
internal sealed class TerminalDeployProgress(TextWriter output, bool color) : IDeployProgress
{
    private const int ReasonWidth = 100;
    private int linesOnScreen;

    public void Started(DeploySnapshot snapshot)
    {
        output.Write("\u001b[?25l");
        Draw(snapshot);
    }

    public void Changed(DeploySnapshot snapshot, IReadOnlyList<ResourceProgress> changed) => Draw(snapshot);

    public void Tick(DeploySnapshot snapshot) => Draw(snapshot);

    public void Finished(DeploySnapshot snapshot)
    {
        Draw(snapshot);
        output.Write("\u001b[?25h");
        output.Flush();
    }

    /// <summary>The lines of one frame, without cursor movement (what stays on screen at the end).</summary>
    internal IReadOnlyList<string> Frame(DeploySnapshot snapshot)
    {
        var rows = new List<(string Label, ResourceProgress Row)> { (snapshot.Title, snapshot.Stack) };
        rows.AddRange(snapshot.Resources.Select(r => ("  - " + r.Description, r)));
        var width = rows.Max(r => r.Label.Length);
        var statusWidth = rows.Max(r => DeployProgressFormat.Status(r.Row.Status).Length) + 2;
        var lines = new List<string>();
        foreach (var (label, row) in rows)
        {
            var status = $"[{DeployProgressFormat.Status(row.Status)}]";
            var elapsed = row.Elapsed(snapshot.Now) is { } time ? $"[{DeployProgressFormat.Seconds(time)}]" : string.Empty;
            lines.Add($"{label.PadRight(width)}  {Paint(status, StatusColor(row))}{new string(' ', statusWidth - status.Length)}  {elapsed}".TrimEnd());
            var indent = new string(' ', label.StartsWith("  - ", StringComparison.Ordinal) ? 6 : 2);
            foreach (var reason in row.Reasons)
            {
                foreach (var chunk in Chunks(reason, ReasonWidth))
                {
                    lines.Add(indent + Paint(chunk, "\u001b[31m"));
                }
            }
        }

        return lines;
    }

    private void Draw(DeploySnapshot snapshot)
    {
        var frame = new StringBuilder();
        if (linesOnScreen > 0)
        {
            // Back to the first line of the previous frame, and clear from there down.
            frame.Append("\u001b[").Append(linesOnScreen).Append('F').Append("\u001b[J");
        }

        var lines = Frame(snapshot);
        foreach (var line in lines)
        {
            frame.Append(line).Append('\n');
        }

        linesOnScreen = lines.Count;
        output.Write(frame.ToString());
        output.Flush();
    }

    private static string StatusColor(ResourceProgress row) =>
        row.Failed ? "\u001b[31m" : row.Status is { } status && StackStatuses.IsSuccess(status) ? "\u001b[32m" : "\u001b[2m";

    private string Paint(string text, string ansi) => color ? ansi + text + "\u001b[0m" : text;

    // Word-wrapped lines of at most width characters (a longer word is cut).
    private static IEnumerable<string> Chunks(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    line.Append(line.Length == 0 ? string.Empty : " ").Append(rest);
                    rest = string.Empty;
                }
                else if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                else
                {
                    yield return rest[..width];
                    rest = rest[width..];
                }
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
