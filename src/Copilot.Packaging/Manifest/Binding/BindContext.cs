using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>What one binding pass collects: diagnostics (all of them, not just the first) and the location of every field read.</summary>
internal sealed class BindContext(string file, BindMode mode)
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    public string File { get; } = file;

    public BindMode Mode { get; } = mode;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>The most unknown-key warnings one pass reports; past it they are dropped to keep hostile input cheap.</summary>
    public const int MaxUnknownKeyWarnings = 100;

    private int _unknownKeyWarnings;

    /// <summary>True while fewer than <see cref="MaxUnknownKeyWarnings"/> unknown keys were reported (counts this one).</summary>
    public bool AllowUnknownKeyWarning() => ++_unknownKeyWarnings <= MaxUnknownKeyWarnings;

    public SourceLocation Locate(ManifestNode node) => new(File, node.Start.Line, node.Start.Column);

    /// <summary>Remembers where <paramref name="path"/> was written.</summary>
    public void Record(string path, ManifestNode node) => _locations[path] = Locate(node);

    public void Error(ManifestNode node, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, message, Locate(node), path));

    public void Warning(ManifestNode node, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, message, Locate(node), path));

    /// <summary>Reports a valid value that has no effect on a job (kept a note even under <c>--strict</c>).</summary>
    public void Note(ManifestNode node, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Note, message, Locate(node), path));

    /// <summary>Reports a value of the wrong shape: copilot's message, then what was found and what is expected.</summary>
    public void WrongShape(ManifestNode node, string path, string copilotMessage, string expected) =>
        Error(node, path, $"{copilotMessage}: found {node.Describe()}, expected {expected}");

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Index(string path, int index) => $"{path}[{index}]";
}
