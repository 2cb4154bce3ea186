namespace Copilot.Packaging.Errors;

/// <summary>A position in a file: 1-based line and column, and the path as the user should read it.</summary>
/// <param name="File">The file path, relative to the workspace root where possible (for example <c>copilot/report/manifest.yml</c>).</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column number.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
