using System.Diagnostics;
using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>
/// The built tool (dotnet-copilot-job.dll beside the tests) run as a child process with <c>dotnet</c>, so that tests can
/// send it POSIX signals the way a terminal or a CI runner would.
/// </summary>
/// <remarks>
/// The child starts through <c>env --default-signal=INT,TERM</c>: a test run started in the background of a
/// non-interactive shell (as <c>build/test.sh</c> starts its suites) ignores SIGINT, children inherit that, and a
/// process that starts with SIGINT ignored keeps it ignored (nohup semantics, which .NET honours). A user's Ctrl+C
/// reaches a foreground process whose SIGINT is in its default state, which is what the child gets here.
/// </remarks>
internal sealed class ChildTool : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private ChildTool(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    public static ChildTool Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        TestTier.Require("the tool as a child process", TestCategories.Process, TestCategories.PackedTool);
        var tool = Path.Combine(AppContext.BaseDirectory, "dotnet-copilot-job.dll");
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT,TERM");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.StandardInput.Close();
        return new ChildTool(process);
    }

    /// <summary>Sends <paramref name="signal"/> (2 = SIGINT, 15 = SIGTERM) to the child.</summary>
    public void Signal(int signal)
    {
        using var kill = Process.Start("kill", ["-s", signal.ToString(System.Globalization.CultureInfo.InvariantCulture), process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0 && !process.HasExited)
        {
            throw new InvalidOperationException($"kill -s {signal} {process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    /// <summary>Waits for the child to end (killing it after <paramref name="timeout"/>) and returns what it did.</summary>
    public ToolRun Wait(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"the tool did not end within {timeout.TotalSeconds} s:\n{stderr.GetAwaiter().GetResult()}");
        }

        return new ToolRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
