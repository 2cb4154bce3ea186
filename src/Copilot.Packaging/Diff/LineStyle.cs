namespace Copilot.Packaging.Diff;

/// <summary>The colour of one diff line.</summary>
internal enum LineStyle
{
    Plain,
    Modified,
    Removed,
    Added,
    Faint,
}
