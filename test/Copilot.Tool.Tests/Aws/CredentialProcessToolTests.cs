using System.Diagnostics;
using System.Globalization;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// Issue 13 (5) and (8): a profile's <c>credential_process</c> that hangs, fails or prints nonsense ends the run with
/// exit 1, naming the profile and the config file line, within the AWS deadline, and leaves no process of the command
/// behind. The tool runs as a child process: the SDK reads <c>AWS_CONFIG_FILE</c> from the real environment.
/// </summary>
[TestFixture]
[Category(TestCategories.Process)]
public sealed class CredentialProcessToolTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(40);
    private Workspace workspace = null!;
    private string config = null!;
    private string marker = null!;

    [SetUp]
    public void CreateWorkspaceAndProfile()
    {
        workspace = AwsWorkspace.WithoutRecords();
        config = workspace.File("aws/config");

        // A number no other process on the machine sleeps for, to find leftovers by.
        marker = Random.Shared.Next(900_000, 999_999).ToString(CultureInfo.InvariantCulture);
    }

    [TearDown]
    public void DeleteWorkspace()
    {
        foreach (var pid in ProcessesMentioning(marker))
        {
            try
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }

        workspace.Dispose();
    }

    [Test]
    public void A_hanging_credential_process_is_stopped_at_the_aws_deadline_with_its_process_tree()
    {
        // The script starts a child that sleeps and then sleeps itself: both must be gone after the run.
        var script = Script("hang.sh", $"#!/bin/sh\nsleep {marker} &\nsleep {marker}\n");
        WriteProfile($"credential_process = {script}");

        var watch = Stopwatch.StartNew();
        var run = Run();
        watch.Stop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "bounded by COPILOT_JOB_AWS_DEADLINE=2");
            Assert.That(run.Stderr, Does.Contain($"{config}:3:1: the credential_process of AWS profile hanging ({script}) did not answer within 2 s and was stopped"));
            Assert.That(run.Stderr, Does.Contain($"The command is set as credential_process of profile hanging in {config}."));
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
            Assert.That(ProcessesMentioning(marker), Is.Empty, "no process of the command is left running");
        }
    }

    [Test]
    public void A_plain_sleep_as_credential_process_is_stopped_too()
    {
        WriteProfile($"credential_process = sleep {marker}");

        var run = Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain($"the credential_process of AWS profile hanging (sleep {marker}) did not answer within 2 s and was stopped"));
            Assert.That(ProcessesMentioning(marker), Is.Empty);
        }
    }

    [TestCase("#!/bin/sh\necho boom >&2\nexit 3\n", "failed with exit code 3: boom")]
    [TestCase("#!/bin/sh\necho 'secret-looking output'\n", "did not print credentials JSON (\"Version\": 1 with \"AccessKeyId\" and \"SecretAccessKey\")")]
    [TestCase("#!/bin/sh\nread answer\necho \"$answer\"\n", "did not print credentials JSON")]
    public void A_failing_or_malformed_credential_process_is_exit_1_naming_profile_and_file(string body, string what)
    {
        var script = Script("creds.sh", body);
        WriteProfile($"credential_process = {script}");

        var run = Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain($"{config}:3:1: the credential_process of AWS profile hanging ({script}) {what}"));
            Assert.That(run.Stderr, Does.Not.Contain("secret-looking output"), "stdout of the command is never echoed");
        }
    }

    [Test]
    public void A_working_credential_process_gets_the_run_to_aws()
    {
        var script = Script("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\", \"Expiration\": \"2099-01-01T00:00:00Z\"}'\n");
        WriteProfile($"credential_process = {script}");

        var run = Run();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain("SSM GetParameter in region us-west-2"), "the credentials were accepted and AWS (nothing listening) was asked");
            Assert.That(run.Stderr, Does.Not.Contain("credential_process"));
        }
    }

    private string Script(string name, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the credential_process scripts are POSIX shell scripts, and leftovers are looked for in /proc");
        }

        var path = workspace.File(name);
        File.WriteAllText(path, body);
        File.SetUnixFileMode(path, (UnixFileMode)0x1ED);
        return path;
    }

    /// <summary>The config file: the profile's <c>credential_process</c> on line 3.</summary>
    private void WriteProfile(string line)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, $"[profile hanging]\nregion = us-west-2\n{line}\n");
    }

    private ToolRun Run()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = workspace.File("aws/credentials"),
            ["AWS_PROFILE"] = "hanging",
            ["AWS_REGION"] = "us-west-2",
            ["AWS_ACCESS_KEY_ID"] = string.Empty,
            ["AWS_SECRET_ACCESS_KEY"] = string.Empty,
            ["AWS_SESSION_TOKEN"] = string.Empty,
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9/",
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["COPILOT_JOB_AWS_DEADLINE"] = "2",
        };
        using var child = ChildTool.Start(workspace.Path, variables, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");
        return child.Wait(Bound);
    }

    /// <summary>The IDs of running processes whose command line contains <paramref name="text"/>.</summary>
    private static List<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && !File.ReadAllText(Path.Combine(directory, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }
}
