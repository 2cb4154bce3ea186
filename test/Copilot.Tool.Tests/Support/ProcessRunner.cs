using System.Diagnostics;
using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>Runs a program as a child process and captures its streams.</summary>
internal static class ProcessRunner
{
    public static ToolRun Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        Run(fileName, workingDirectory, environment, TimeSpan.FromMinutes(5), args);

    /// <summary>Runs with a time limit of its own (a <c>dotnet pack</c> on a busy 2-core machine can take minutes).</summary>
    public static ToolRun Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args)
    {
        if (StartsDotnet(fileName))
        {
            TestTier.Require(fileName, TestCategories.Process, TestCategories.PackedTool);
        }

        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in {timeout.TotalMinutes} minutes");
        }

        return new ToolRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    // dotnet (and the repository's build scripts, which call it) take seconds to start: not in the fast tier. Quick
    // programs such as git or bash -n are fine there.
    private static bool StartsDotnet(string fileName) =>
        Path.GetFileName(fileName) is "dotnet" or "dotnet.exe" ||
        fileName.Contains(Path.DirectorySeparatorChar + "build" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
