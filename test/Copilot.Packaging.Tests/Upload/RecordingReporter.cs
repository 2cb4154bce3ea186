using Copilot.Packaging.Reporting;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>Keeps every progress line, prefixed with its level.</summary>
internal sealed class RecordingReporter : IPackagingReporter
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public IReadOnlyList<string> Infos => [.. Lines.Where(l => l.StartsWith("info: ", StringComparison.Ordinal)).Select(l => l["info: ".Length..])];

    public void Info(string message) => Add("info", message);

    public void Warning(string message) => Add("warning", message);

    public void Verbose(string message) => Add("verbose", message);

    private void Add(string level, string message)
    {
        lock (lines)
        {
            lines.Add($"{level}: {message}");
        }
    }
}
