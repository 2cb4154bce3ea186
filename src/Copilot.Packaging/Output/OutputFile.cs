namespace Copilot.Packaging.Output;

/// <summary>A file to write: its name inside the output directory and its full text.</summary>
/// <param name="FileName">The file name, for example <c>report-test.stack.yml</c>.</param>
/// <param name="Content">The text, written as UTF-8 without a byte order mark.</param>
internal sealed record OutputFile(string FileName, string Content);
