using DiffPlex;

namespace Copilot.Packaging.Diff;

/// <summary>
/// A line-by-line diff of two multi-line strings (DiffPlex), grouped into hunks with context lines; the lines between
/// hunks are counted instead of shown.
/// </summary>
internal static class TextLineDiff
{
    /// <summary>One output line: a kept, removed or added text line, or a count of skipped unchanged lines.</summary>
    public readonly record struct Line(LineKind Kind, string Text, int SkippedCount = 0);

    /// <summary>What a <see cref="Line"/> is.</summary>
    public enum LineKind
    {
        Context,
        Removed,
        Added,
        Skipped,
    }

    /// <summary>The lines of a string: split at <c>\n</c>, one final line break ignored.</summary>
    public static string[] SplitLines(string text)
    {
        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n');
    }

    /// <summary>The diff of <paramref name="oldText"/> and <paramref name="newText"/> with <paramref name="context"/> lines around each change.</summary>
    public static IReadOnlyList<Line> Compare(string oldText, string newText, int context)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, new NewLineChunker());

        // Expand DiffPlex's blocks into one entry per line, in order.
        var all = new List<Line>();
        int oldIndex = 0, newIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            AddKept(all, oldLines, ref oldIndex, ref newIndex, block.DeleteStartA);
            for (var i = 0; i < block.DeleteCountA; i++)
            {
                all.Add(new Line(LineKind.Removed, oldLines[oldIndex++]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                all.Add(new Line(LineKind.Added, newLines[newIndex++]));
            }
        }

        AddKept(all, oldLines, ref oldIndex, ref newIndex, oldLines.Length);
        return WithContext(all, context);
    }

    private static void AddKept(List<Line> lines, string[] oldLines, ref int oldIndex, ref int newIndex, int until)
    {
        while (oldIndex < until)
        {
            lines.Add(new Line(LineKind.Context, oldLines[oldIndex++]));
            newIndex++;
        }
    }

    private static List<Line> WithContext(List<Line> all, int context)
    {
        var keep = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind == LineKind.Context)
            {
                continue;
            }

            for (var j = Math.Max(0, i - context); j <= Math.Min(all.Count - 1, i + context); j++)
            {
                keep[j] = true;
            }
        }

        var shown = new List<Line>();
        var skipped = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                if (skipped > 0)
                {
                    shown.Add(new Line(LineKind.Skipped, string.Empty, skipped));
                    skipped = 0;
                }

                shown.Add(all[i]);
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            shown.Add(new Line(LineKind.Skipped, string.Empty, skipped));
        }

        return shown;
    }

    // Splits the same way as SplitLines, so DiffPlex's indexes line up with ours.
    private sealed class NewLineChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
