using System.IO.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Tool;

/// <summary>Runs a command body and maps what escapes it to an exit code and a message on stderr.</summary>
internal sealed class CommandRunner(ToolConsole console, CancellationToken cancellationToken, Func<int>? cancelledExitCode = null, IFileSystem? fileSystem = null)
{
    public ToolConsole Console => console;

    /// <summary>The file system the commands read workspaces from and write output to: the real one, or a test's.</summary>
    public IFileSystem FileSystem { get; } = fileSystem ?? new FileSystem();

    public CancellationToken CancellationToken => cancellationToken;

    public int Run(bool verbose, Func<ConsoleReporter, Task<int>> body)
    {
        var reporter = new ConsoleReporter(console.Error, verbose, console.IsErrorTerminal && console.ColorAllowed);
        try
        {
            return body(reporter).GetAwaiter().GetResult();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever failed after a signal failed because of it (a killed docker build, an aborted AWS call).
            reporter.Error("cancelled: no output files were written");
            return cancelledExitCode?.Invoke() ?? ExitCodes.Cancelled;
        }
        catch (CopilotJobException ex) when (ex.Code == CopilotJobErrorCode.DiffUnavailable)
        {
            Report(reporter, ex);
            return ExitCodes.DiffUnavailable;
        }
        catch (CopilotJobException ex)
        {
            Report(reporter, ex);
            if (verbose)
            {
                console.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            reporter.Error($"this is a bug in copilot-job: {ex.GetType().Name}: {ex.Message}");
            console.Error.WriteLine(verbose
                ? ex.ToString()
                : "Run again with --verbose for the stack trace, and please report it with that trace.");
            return ExitCodes.Bug;
        }
    }

    private static void Report(ConsoleReporter reporter, CopilotJobException ex)
    {
        if (Recommendation(ex) is { } recommendation)
        {
            reporter.Info(recommendation);
        }

        reporter.Error(ex.Describe());
    }

    // The core names no flags: where its advice needs one, the tool words it (decided on the code, never the text).
    private static string? Recommendation(CopilotJobException ex) => ex.Code switch
    {
        CopilotJobErrorCode.ApplicationRequired => "Name the application with -a/--app, or add `application: <name>` to copilot/.workspace.",
        CopilotJobErrorCode.OutsideWorkspace => "Move the file into the workspace, or allow its directory explicitly with --allow-outside-workspace <DIR>.",
        CopilotJobErrorCode.OutputDirectoryRequired => "Add --output-dir <DIR> to write every pair's files there, or name one job (-n) and one environment (-e) to print its template.",
        CopilotJobErrorCode.Downgrade => string.Join(
            Environment.NewLine,
            ex.Recommendation,
            "- Alternatively, you can run with `--allow-downgrade` to override. However, this can cause unsuccessful deployment. Please use with caution!"),
        _ => ex.Recommendation,
    };
}
