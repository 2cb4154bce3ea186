using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>Collects the errors that validation rules find, locating each one through the manifest's source map.</summary>
internal sealed class DiagnosticCollector
{
    private readonly ManifestSourceMap _source;
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Creates an empty collector that locates fields with <paramref name="source"/>.</summary>
    public DiagnosticCollector(ManifestSourceMap source) => _source = source;

    /// <summary>The errors reported so far, in the order they were reported.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Reports an error on <paramref name="fieldPath"/>.</summary>
    /// <param name="fieldPath">The manifest field that is wrong (for example <c>sidecars.nginx.port</c>).</param>
    /// <param name="message">What is wrong and what is expected.</param>
    public void Error(string fieldPath, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, message, _source.Locate(fieldPath), fieldPath));
}
