using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Abstractions;

/// <summary>Turns a failed <see cref="ProcessResult"/> into a readable error that carries the end of its output.</summary>
internal static class ProcessResultExtensions
{
    /// <summary>How many trailing lines of output a failure message quotes.</summary>
    public const int TailLines = 20;

    /// <summary>Throws when the process exited with a non-zero code; otherwise returns <paramref name="result"/>.</summary>
    /// <param name="result">The outcome.</param>
    /// <param name="command">What ran, for the message (for example <c>docker build</c>).</param>
    /// <exception cref="CopilotJobException">The exit code is not zero; the message ends with the last lines of stderr (or stdout when stderr is empty).</exception>
    public static ProcessResult EnsureSuccess(this ProcessResult result, string command)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ExitCode == 0)
        {
            return result;
        }

        var tail = Tail(string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError);
        var message = tail.Length == 0
            ? $"{command} exited with code {result.ExitCode}"
            : $"{command} exited with code {result.ExitCode}:{Environment.NewLine}{tail}";
        throw new CopilotJobException(message);
    }

    /// <summary>The last <see cref="TailLines"/> non-empty lines of <paramref name="text"/>, joined by new lines.</summary>
    internal static string Tail(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - TailLines)));
    }
}
