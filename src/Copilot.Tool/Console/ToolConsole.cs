namespace Copilot.Tool;

/// <summary>The process's streams and surroundings, passed in so the tool can run in-process under test.</summary>
/// <param name="Out">Standard output: data only (the template or the diff).</param>
/// <param name="Error">Standard error: notices, warnings, errors.</param>
/// <param name="In">Standard input, for prompts.</param>
/// <param name="IsInputInteractive">True when stdin is a terminal, so prompts may be shown.</param>
/// <param name="IsErrorTerminal">True when stderr is a terminal, so colour may be used.</param>
/// <param name="IsOutputTerminal">True when stdout is a terminal, so the diff may be coloured.</param>
/// <param name="WorkingDirectory">The current directory.</param>
/// <param name="GetVariable">Reads an environment variable.</param>
internal sealed record ToolConsole(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    bool IsInputInteractive,
    bool IsErrorTerminal,
    bool IsOutputTerminal,
    string WorkingDirectory,
    Func<string, string?> GetVariable)
{
    public static ToolConsole FromSystem() => new(
        System.Console.Out,
        System.Console.Error,
        System.Console.In,
        !System.Console.IsInputRedirected,
        !System.Console.IsErrorRedirected,
        !System.Console.IsOutputRedirected,
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariable);

    /// <summary>True when colour is allowed at all (<c>NO_COLOR</c> unset, <c>TERM</c> not dumb).</summary>
    public bool ColorAllowed => string.IsNullOrEmpty(GetVariable("NO_COLOR")) && GetVariable("TERM") != "dumb";
}
