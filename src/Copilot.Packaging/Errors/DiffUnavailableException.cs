namespace Copilot.Packaging.Errors;

/// <summary>
/// <c>--diff</c> could not produce a comparison (the deployed stack is unreadable, its template does not parse, AWS is
/// unreachable). Its <see cref="CopilotJobException.Code"/> is <see cref="CopilotJobErrorCode.DiffUnavailable"/>; the tool exits 2 for it, so scripts can tell "no diff could be made" from "there is a diff".
/// </summary>
public sealed class DiffUnavailableException : CopilotJobException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Why no diff could be produced.</param>
    /// <param name="recommendation">How to fix it, if known.</param>
    /// <param name="innerException">The cause.</param>
    public DiffUnavailableException(string message, string? recommendation = null, Exception? innerException = null)
        : base(message, recommendation: recommendation, innerException: innerException, code: CopilotJobErrorCode.DiffUnavailable)
    {
    }
}
