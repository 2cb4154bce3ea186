namespace Copilot.Packaging.Abstractions;

/// <summary>The outcome of running a process.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs external programs (docker, git); tests put recording scripts on PATH or supply a fake.</summary>
internal interface IProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it.</summary>
    /// <param name="fileName">The program, found on PATH.</param>
    /// <param name="arguments">The arguments, passed without shell interpretation.</param>
    /// <param name="workingDirectory">The working directory, or null for the current one.</param>
    /// <param name="standardInput">Text to write to its stdin, or null.</param>
    /// <param name="cancellationToken">Cancels the wait and kills the process.</param>
    Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, string? standardInput, CancellationToken cancellationToken);
}
