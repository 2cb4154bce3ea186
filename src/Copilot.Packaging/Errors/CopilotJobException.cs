namespace Copilot.Packaging.Errors;

/// <summary>
/// An error the user can cause and fix: a bad manifest, a missing record, a refused flag combination.
/// Its message says what is wrong; <see cref="Location"/> says where; <see cref="Recommendation"/> says how to fix it.
/// Any other exception escaping the core is a bug.
/// </summary>
public class CopilotJobException : Exception
{
    /// <summary>Creates a user error.</summary>
    /// <param name="message">What is wrong, as one sentence without the location prefix.</param>
    /// <param name="location">Where it is wrong, if it is in a file.</param>
    /// <param name="recommendation">How to fix it, if there is advice beyond the message.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="code">What kind of error it is; a plain user error by default.</param>
    public CopilotJobException(
        string message, SourceLocation? location = null, string? recommendation = null, Exception? innerException = null, CopilotJobErrorCode code = CopilotJobErrorCode.General)
        : base(message, innerException)
    {
        Location = location;
        Recommendation = recommendation;
        Code = code;
    }

    /// <summary>Creates a user error that reports several independent problems together.</summary>
    /// <param name="diagnostics">The problems, in file order; at least one.</param>
    public CopilotJobException(IReadOnlyList<Diagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics)) : diagnostics[0].Message)
    {
        Diagnostics = diagnostics;
        Location = diagnostics[0].Location;
    }

    /// <summary>What kind of error this is; decide on this, never on <see cref="Exception.Message"/>.</summary>
    public CopilotJobErrorCode Code { get; private set; }

    /// <summary>Where the problem is, if it is in a file.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Advice on how to fix the problem, printed before the error.</summary>
    public string? Recommendation { get; }

    /// <summary>All problems, when several were found at once; otherwise empty.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];

    /// <summary>
    /// Classifies an error as <paramref name="code"/> on its way up (the stage that caught it knows where it came
    /// from); <see cref="CopilotJobErrorCode.DiffUnavailable"/> and <see cref="CopilotJobErrorCode.Downgrade"/> are kept.
    /// </summary>
    internal void Classify(CopilotJobErrorCode code)
    {
        if (Code is not (CopilotJobErrorCode.DiffUnavailable or CopilotJobErrorCode.Downgrade))
        {
            Code = code;
        }
    }

    /// <summary>The message with its location prefix, as printed to the user (one line per diagnostic).</summary>
    public string Describe()
    {
        if (Diagnostics.Count > 0)
        {
            return string.Join(Environment.NewLine, Diagnostics.Select(d => d.ToString()));
        }

        return Location is null ? Message : $"{Location}: {Message}";
    }
}
