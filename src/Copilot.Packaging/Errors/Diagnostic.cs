namespace Copilot.Packaging.Errors;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Packaging continues; the user should look (for example an unknown manifest key).</summary>
    Warning,

    /// <summary>Packaging cannot continue.</summary>
    Error,

    /// <summary>
    /// Packaging continues and is right; the user may have expected something else (for example <c>exec: true</c> on a
    /// job). Shown like a warning, but <c>--strict</c> does not turn it into an error.
    /// </summary>
    Note,
}

/// <summary>One problem found in an input file, with its location.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">What is wrong and what is expected.</param>
/// <param name="Location">Where, if known.</param>
/// <param name="FieldPath">The manifest field path (for example <c>sidecars.nginx.port</c>), if the problem is in a manifest.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Message, SourceLocation? Location = null, string? FieldPath = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? string.Empty : $"{Location}: ";
        var field = FieldPath is null ? string.Empty : $"{FieldPath}: ";
        return $"{where}{field}{Message}";
    }
}
