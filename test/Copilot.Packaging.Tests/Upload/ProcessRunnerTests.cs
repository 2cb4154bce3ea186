using System.Diagnostics;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Adapters;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>The real <see cref="ProcessRunner"/>, driving <c>/bin/sh</c>.</summary>
[TestFixture]
public sealed class ProcessRunnerTests
{
    private static readonly ProcessRunner Runner = new();

    [Test]
    public async Task Passes_arguments_without_a_shell_and_captures_output_and_exit_code()
    {
        var result = await Runner.RunAsync("sh", ["-c", "printf '%s|' \"$@\"; echo oops >&2; exit 3", "sh", "a b", "$HOME", "*"], null, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(3));
            Assert.That(result.StandardOutput, Is.EqualTo("a b|$HOME|*|"));
            Assert.That(result.StandardError, Is.EqualTo("oops\n"));
        }
    }

    [Test]
    public async Task Writes_standard_input_and_closes_it()
    {
        var result = await Runner.RunAsync("cat", [], null, "secret\npassword", CancellationToken.None);

        Assert.That(result.StandardOutput, Is.EqualTo("secret\npassword"));
    }

    [Test]
    public async Task Runs_in_the_given_working_directory()
    {
        using var temp = new TempDirectory();

        var result = await Runner.RunAsync("pwd", [], temp.Path, null, CancellationToken.None);

        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(Path.GetFullPath(temp.Path)));
    }

    [Test]
    public async Task Finds_programs_on_the_PATH_it_is_given()
    {
        using var temp = new TempDirectory();
        var script = temp.Write("bin/hello", "#!/bin/sh\necho \"hello from $0\"\n");
        MakeExecutable(script);
        var runner = new ProcessRunner(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["PATH"] = $"{Path.GetDirectoryName(script)}:/usr/bin:/bin" }));

        var result = await runner.RunAsync("hello", [], null, null, CancellationToken.None);

        Assert.That(result.StandardOutput.Trim(), Is.EqualTo($"hello from {script}"));
    }

    [Test]
    public void A_program_missing_from_PATH_is_a_user_error()
    {
        var runner = new ProcessRunner(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["PATH"] = "/nonexistent" }));

        var error = Assert.ThrowsAsync<CopilotJobException>(() => runner.RunAsync("docker", ["info"], null, null, CancellationToken.None));

        Assert.That(error.Message, Is.EqualTo("docker executable not found in $PATH"));
    }

    [Test]
    public async Task Cancellation_kills_the_whole_process_tree()
    {
        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "child.pid");
        using var cancel = new CancellationTokenSource();
        var run = Runner.RunAsync("sh", ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], null, null, cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile)).Trim().Length == 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the child never started");
            await Task.Delay(50);
        }

        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await cancel.CancelAsync();

        Assert.That(async () => await run, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(IsAlive(child), Is.False, "the grandchild sleep was killed too");
    }

    [Test]
    public void A_failed_result_quotes_the_last_twenty_lines_of_stderr()
    {
        var stderr = string.Join("\n", Enumerable.Range(1, 25).Select(i => $"line {i}")) + "\n";

        var error = Assert.Throws<CopilotJobException>(() => new ProcessResult(2, "ignored", stderr).EnsureSuccess("docker push"));

        var lines = error.Message.Split(Environment.NewLine);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo("docker push exited with code 2:"));
            Assert.That(lines[1..], Is.EqualTo(Enumerable.Range(6, 20).Select(i => $"line {i}")));
        }
    }

    [Test]
    public void A_failed_result_without_stderr_quotes_stdout()
    {
        var error = Assert.Throws<CopilotJobException>(() => new ProcessResult(1, "denied: not authorized\n", string.Empty).EnsureSuccess("docker login"));

        Assert.That(error.Message, Is.EqualTo($"docker login exited with code 1:{Environment.NewLine}denied: not authorized"));
    }

    [Test]
    public void A_successful_result_passes_through()
    {
        var result = new ProcessResult(0, "ok", "warning");

        Assert.That(result.EnsureSuccess("git status"), Is.SameAs(result));
    }

    private static bool IsAlive(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.HasExited)
                {
                    return false;
                }
            }
            catch (ArgumentException)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
