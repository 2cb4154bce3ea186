namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>A 1-based line and column in the manifest text.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
internal readonly record struct TextPosition(int Line, int Column);
