using System.ComponentModel;
using System.Diagnostics;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Adapters;

/// <summary>
/// Runs real programs: no shell, arguments passed one by one, stdin written then closed, stdout and stderr drained
/// asynchronously and captured. Cancellation kills the whole process tree.
/// </summary>
internal sealed class ProcessRunner : IProcessRunner
{
    private readonly IEnvironmentVariables environment;
    private readonly bool overridePath;

    /// <summary>Creates a runner.</summary>
    /// <param name="environment">
    /// Where <c>PATH</c> (and <c>PATHEXT</c> on Windows) is read to find programs; the child gets that <c>PATH</c> too.
    /// Null uses the real process environment.
    /// </param>
    public ProcessRunner(IEnvironmentVariables? environment = null)
    {
        this.environment = environment ?? ProcessEnvironmentVariables.Instance;
        overridePath = environment is not null;
    }

    /// <inheritdoc />
    /// <exception cref="CopilotJobException">The program is not on PATH or cannot be started.</exception>
    public async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, string? standardInput, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();

        var path = environment.Get("PATH") ?? string.Empty;
        var executable = Resolve(fileName, path)
            ?? throw new CopilotJobException($"{fileName} executable not found in $PATH", recommendation: $"Install {fileName} and make sure it is on PATH.");
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        if (overridePath)
        {
            start.Environment["PATH"] = path;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new CopilotJobException($"could not start {fileName}: {ex.Message}", innerException: ex);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WriteInputAsync(process, standardInput, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task WriteInputAsync(Process process, string? standardInput, CancellationToken cancellationToken)
    {
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
                await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input; its exit code tells the rest.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string? Resolve(string fileName, string path)
    {
        if (fileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || fileName.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(fileName) ? Path.GetFullPath(fileName) : null;
        }

        var extensions = OperatingSystem.IsWindows()
            ? [string.Empty, .. (environment.Get("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { string.Empty };
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory.Trim('"'), fileName + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
