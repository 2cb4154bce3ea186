using Copilot.Packaging.Errors;
using Copilot.Tool.CommandLine;
using Copilot.Tool.Tests.Support;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Tests;

/// <summary>Checks on the whole command tree and on how failures become exit codes.</summary>
public class CommandSurfaceTests
{
    [Test]
    public void No_command_option_or_argument_has_a_validator()
    {
        // ToolApplication.Execute skips McMaster's validation step (it needs reflection, which the Native AOT build
        // cannot keep), which is only right while there is nothing to validate: check values in the command instead.
        using var app = ToolApplication.Build(Runner(out _, out _));

        foreach (var command in Walk(app))
        {
            Assert.That(command.Validators, Is.Empty, $"command {command.Name}");
            Assert.That(command.Options.SelectMany(o => o.Validators), Is.Empty, $"options of {command.Name}");
            Assert.That(command.Arguments.SelectMany(a => a.Validators), Is.Empty, $"arguments of {command.Name}");
        }
    }

    [Test]
    public void Every_option_has_a_sentence_description_and_unique_names()
    {
        using var app = ToolApplication.Build(Runner(out _, out _));

        foreach (var command in Walk(app))
        {
            Assert.That(command.Description, Is.Not.Null.And.Not.Empty, $"command {command.Name} has no description");
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in command.Options.Where(o => o != command.OptionHelp && o != command.OptionVersion))
            {
                Assert.That(option.Description, Does.EndWith("."), $"{command.Name} --{option.LongName ?? option.ShortName}");
                Assert.That(char.IsUpper(option.Description![0]), Is.True, $"{command.Name} --{option.LongName ?? option.ShortName} starts lower-case");
                foreach (var name in new[] { option.ShortName, option.LongName }.Where(n => n is not null))
                {
                    Assert.That(names.Add(name!), Is.True, $"{command.Name} has two options named {name}");
                }
            }
        }
    }

    [Test]
    public void The_tool_has_the_package_and_records_export_commands()
    {
        using var app = ToolApplication.Build(Runner(out _, out _));

        Assert.That(Walk(app).Select(c => FullPath(c)), Is.SupersetOf(new[] { "package", "records export" }));
    }

    [Test]
    public void Every_option_that_takes_a_value_shows_a_placeholder_in_help_and_no_switch_does()
    {
        using var app = ToolApplication.Build(Runner(out _, out _));

        foreach (var command in Walk(app))
        {
            foreach (var option in command.Options)
            {
                var usage = CommandLineError.Usage(option);
                if (option.OptionType == CommandOptionType.NoValue)
                {
                    Assert.That(usage, Does.Not.Contain("<"), $"{FullPath(command)} {usage}");
                }
                else
                {
                    Assert.That(option.ValueName, Is.Not.Null.And.Not.Empty, $"{FullPath(command)} {usage} has no placeholder");
                    Assert.That(command.GetHelpText(), Does.Contain(usage), $"{FullPath(command)} help");
                }
            }
        }
    }

    [TestCase("package", "-n|--name <JOB>", "-e|--env <ENV>", "-a|--app <APP>", "--output-dir <DIR>", "--tag <TAG>", "--params-format <yaml|json>", "--profile <PROFILE>", "--region <REGION>")]
    [TestCase("records export", "-e|--env <ENV>", "-a|--app <APP>", "--profile <PROFILE>", "--region <REGION>")]
    public async Task Help_shows_value_placeholders(string command, params string[] expected)
    {
        var run = await InProcessTool.RunAsync(Path.GetTempPath(), [.. command.Split(' '), "--help"]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        foreach (var usage in expected)
        {
            Assert.That(run.Stdout, Does.Contain($"  {usage}  "), usage);
        }
    }

    [TestCase("--verison", "unknown option '--verison'; did you mean --version?", "dotnet copilot-job", "its commands and options")]
    [TestCase("pakage", "unknown command 'pakage'; did you mean 'package'?", "dotnet copilot-job", "its commands and options")]
    [TestCase("package --nmae report-generator", "unknown option '--nmae'; did you mean --name?", "dotnet copilot-job package", "its options")]
    [TestCase("package --upload-asset", "unknown option '--upload-asset'; did you mean --upload-assets?", "dotnet copilot-job package", "its options")]
    [TestCase("package -name report-generator", "unknown option '-name'; did you mean --name?", "dotnet copilot-job package", "its options")]
    [TestCase("records --hlep", "unknown option '--hlep'; did you mean --help?", "dotnet copilot-job records", "its commands and options")]
    [TestCase("records exprt", "unknown command 'exprt'; did you mean 'export'?", "dotnet copilot-job records", "its commands and options")]
    [TestCase("records export -e test --regoin us-west-2", "unknown option '--regoin'; did you mean --region?", "dotnet copilot-job records export", "its options")]
    [TestCase("records export --name x", "unknown option '--name'", "dotnet copilot-job records export", "its options")]
    public async Task A_bad_command_line_is_explained_on_stderr_only_with_the_closest_name_and_the_commands_help(
        string commandLine, string error, string command, string helpFor)
    {
        var run = await InProcessTool.RunAsync(Path.GetTempPath(), commandLine.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.Empty, "stdout carries data only");
        Assert.That(run.Stderr, Is.EqualTo($"✘ {error}\nRun '{command} --help' for {helpFor}.\n"));
    }

    [TestCase("package --output-dir", "--output-dir needs a value: --output-dir <DIR>", "package")]
    [TestCase("package -n", "--name needs a value: -n|--name <JOB>", "package")]
    [TestCase("package -n -e test", "--name needs a value: -n|--name <JOB>", "package")]
    [TestCase("package --params-format", "--params-format needs a value: --params-format <yaml|json>", "package")]
    [TestCase("records export -e", "--env needs a value: -e|--env <ENV>", "records export")]
    [TestCase("records export --region", "--region needs a value: --region <REGION>", "records export")]
    public async Task A_missing_value_is_named_by_the_options_long_form(string commandLine, string error, string command)
    {
        var run = await InProcessTool.RunAsync(Path.GetTempPath(), commandLine.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Is.EqualTo($"✘ {error}\nRun 'dotnet copilot-job {command} --help' for its options.\n"));
    }

    [TestCase("package -a a -a b", "--app is given twice; it takes one value")]
    [TestCase("package --diff=yes", "--diff takes no value, but was given 'yes'")]
    [TestCase("package report-generator", "unexpected argument 'report-generator': this command takes options only")]
    public async Task Other_misuses_of_an_option_are_named(string commandLine, string error)
    {
        var run = await InProcessTool.RunAsync(Path.GetTempPath(), commandLine.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Does.StartWith($"✘ {error}\n"));
    }

    [Test]
    public void An_unexpected_exception_is_reported_as_a_bug_with_exit_70()
    {
        var runner = Runner(out _, out var stderr);

        var exit = runner.Run(verbose: false, _ => throw new InvalidOperationException("boom"));

        Assert.That(exit, Is.EqualTo(70));
        Assert.That(stderr.ToString(), Does.Contain("this is a bug in copilot-job: InvalidOperationException: boom").And.Contain("--verbose").And.Not.Contain(" at "));
    }

    [Test]
    public void Verbose_shows_the_stack_trace_of_a_bug()
    {
        var runner = Runner(out _, out var stderr);

        var exit = runner.Run(verbose: true, _ => throw new InvalidOperationException("boom"));

        Assert.That(exit, Is.EqualTo(70));
        Assert.That(stderr.ToString(), Does.Contain("System.InvalidOperationException: boom").And.Contain(" at "));
    }

    [Test]
    public void A_user_error_prints_its_advice_first_then_the_located_message_and_exits_1()
    {
        var runner = Runner(out var stdout, out var stderr);

        var exit = runner.Run(verbose: false, _ => throw new CopilotJobException("bad value", new SourceLocation("copilot/job/manifest.yml", 3, 5), "Fix it."));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr.ToString(), Is.EqualTo("Fix it.\n✘ copilot/job/manifest.yml:3:5: bad value\n"));
        Assert.That(stdout.ToString(), Is.Empty);
    }

    [Test]
    public void A_diff_that_cannot_be_made_exits_2()
    {
        var runner = Runner(out _, out var stderr);

        var exit = runner.Run(verbose: false, _ => throw new DiffUnavailableException("no stack"));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("no stack"));
    }

    [Test]
    public void Cancellation_exits_130()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var runner = new CommandRunner(Console(new StringWriter(), new StringWriter()), cancellation.Token);

        var exit = runner.Run(verbose: false, _ => throw new OperationCanceledException(cancellation.Token));

        Assert.That(exit, Is.EqualTo(130));
    }

    private static CommandRunner Runner(out StringWriter stdout, out StringWriter stderr)
    {
        stdout = new StringWriter { NewLine = "\n" };
        stderr = new StringWriter { NewLine = "\n" };
        return new CommandRunner(Console(stdout, stderr), CancellationToken.None);
    }

    private static ToolConsole Console(TextWriter stdout, TextWriter stderr) =>
        new(stdout, stderr, new StringReader(string.Empty), false, false, false, Path.GetTempPath(), _ => null);

    private static IEnumerable<CommandLineApplication> Walk(CommandLineApplication app) =>
        new[] { app }.Concat(app.Commands.SelectMany(Walk));

    private static string FullPath(CommandLineApplication command) =>
        command.Parent is null ? string.Empty : $"{FullPath(command.Parent)} {command.Name}".Trim();
}
