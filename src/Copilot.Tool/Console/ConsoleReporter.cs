using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;

namespace Copilot.Tool;

/// <summary>
/// Sends the core's notices and warnings to stderr; verbose lines only with <c>--verbose</c>. Every message passes
/// <see cref="Display.Message"/> first: control characters from names and values are escaped and long lines are cut.
/// </summary>
internal sealed class ConsoleReporter(TextWriter error, bool verbose, bool color) : IPackagingReporter
{
    public void Info(string message) => error.WriteLine(Display.Message(message));

    public void Warning(string message) => error.WriteLine(Paint("warning: ", "\u001b[93m") + Display.Message(message));

    public void Verbose(string message)
    {
        if (verbose)
        {
            error.WriteLine(Paint(Display.Message(message), "\u001b[2m"));
        }
    }

    public void Error(string message) => error.WriteLine(Paint("✘ ", "\u001b[91m") + Display.Message(message));

    private string Paint(string text, string ansi) => color ? ansi + text + "\u001b[0m" : text;
}
