namespace Copilot.Packaging.Diff;

/// <summary>How <see cref="DiffTextWriter"/> writes a diff.</summary>
internal sealed record DiffWriteOptions
{
    /// <summary>Plain text, no colours.</summary>
    public static DiffWriteOptions Plain { get; } = new();

    /// <summary>
    /// Whether to colour the lines with ANSI escapes: modifications bright yellow, removals bright red, additions
    /// bright green, <c>(N unchanged items)</c> faint. The host turns this on only for a terminal without <c>NO_COLOR</c>.
    /// </summary>
    public bool Color { get; init; }

    /// <summary>
    /// Lines of unchanged text shown around each change when a multi-line string is diffed line by line (3 by default).
    /// </summary>
    public int ContextLines { get; init; } = 3;
}
