namespace Copilot.Tool.Tests.Support;

/// <summary>The result of one run of the tool: exit code and both streams.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the real command tree in this process with captured streams.</summary>
internal static class InProcessTool
{
    public static Task<ToolRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? variables = null, string stdin = "", bool interactive = false, params string[] args) =>
        RunAsync(null, workingDirectory, variables, stdin, interactive, args);

    /// <summary>Runs against <paramref name="fileSystem"/> (for example a MockFileSystem) instead of the disk.</summary>
    public static Task<ToolRun> RunAsync(System.IO.Abstractions.IFileSystem? fileSystem, string workingDirectory, IReadOnlyDictionary<string, string>? variables, string stdin, bool interactive, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var console = new ToolConsole(
            stdout,
            stderr,
            new StringReader(stdin),
            IsInputInteractive: interactive,
            IsErrorTerminal: false,
            IsOutputTerminal: false,
            workingDirectory,
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);
        var exit = ToolApplication.Run(args, console, CancellationToken.None, fileSystem);
        return Task.FromResult(new ToolRun(exit, stdout.ToString(), stderr.ToString()));
    }

    public static Task<ToolRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, string.Empty, false, args);
}
