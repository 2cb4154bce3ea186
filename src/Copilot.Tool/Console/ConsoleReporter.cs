using Copilot.Packaging.Reporting;

namespace Copilot.Tool;

/// <summary>Sends the core's notices and warnings to stderr; verbose lines only with <c>--verbose</c>.</summary>
internal sealed class ConsoleReporter(TextWriter error, bool verbose, bool color) : IPackagingReporter
{
    public void Info(string message) => error.WriteLine(message);

    public void Warning(string message) => error.WriteLine(Paint("warning: ", "\u001b[93m") + message);

    public void Verbose(string message)
    {
        if (verbose)
        {
            error.WriteLine(Paint(message, "\u001b[2m"));
        }
    }

    public void Error(string message) => error.WriteLine(Paint("✘ ", "\u001b[91m") + message);

    private string Paint(string text, string ansi) => color ? ansi + text + "\u001b[0m" : text;
}
