using Copilot.Packaging.Errors;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Tests;

/// <summary>Checks on the whole command tree and on how failures become exit codes.</summary>
public class CommandSurfaceTests
{
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
