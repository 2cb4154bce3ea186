using System.Text.RegularExpressions;
using Copilot.Testing;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// The README's <c>dotnet copilot-job deploy</c> section is true: its command deploys the example workspace against
/// moto, its flag table is the command's option list, its exit codes are the tool's, and every CloudFormation call the
/// deploy makes is in its permission list.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ReadmeDeploySectionTests : DeployableMotoFixture
{
    private static readonly Lazy<string> Section = new(() =>
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## `dotnet copilot-job deploy`\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the README has the deploy section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    });

    private protected override IReadOnlyList<string> JobRepositories => [AwsWorkspace.Job];

    // A server of its own: it deploys the example job's stack, which other fixtures compare with.
    private protected override bool OwnServer => true;

    [Test]
    public async Task The_sections_command_deploys_the_example_workspace()
    {
        var command = CommandBlock().Match(Section.Value).Groups[1].Value.Trim();
        Assert.That(command, Does.StartWith("dotnet copilot-job deploy "));
        using var workspace = AwsWorkspace.WithoutRecords();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var variables = AwsWorkspace.Variables(Server);
        variables["PATH"] = toolbox.SearchPath;
        variables["HOME"] = Directory.CreateDirectory(workspace.File(".home")).FullName;

        var run = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, command["dotnet copilot-job ".Length..].Split(' '));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("✔ Deployed job report-generator to environment test (stack my-app-test-report-generator: CREATE_COMPLETE)."));
    }

    [Test]
    public void The_flag_table_lists_exactly_the_options_of_deploy()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = new ToolConsole(stdout, stderr, new StringReader(string.Empty), false, false, false, ".", _ => null);
        using var app = ToolApplication.Build(new CommandRunner(console, CancellationToken.None));
        var deploy = app.Commands.Single(c => c.Name == "deploy");
        var options = deploy.Options
            .SelectMany(o => new[] { o.ShortName is null ? null : "-" + o.ShortName, o.LongName is null ? null : "--" + o.LongName })
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        var documented = TableFlag().Matches(Section.Value).SelectMany(m => FlagName().Matches(m.Groups[1].Value).Select(f => f.Groups[1].Value)).Order(StringComparer.Ordinal);

        Assert.That(documented, Is.EqualTo(options));
    }

    [Test]
    public void The_exit_codes_and_permissions_are_the_deploys()
    {
        var codes = ExitCodeRow().Matches(Section.Value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(codes, Is.EqualTo(new[] { ExitCodes.Success, ExitCodes.UserError, ExitCodes.Bug, ExitCodes.Cancelled }));

        // Every call of the deploy's CloudFormation port, and the template upload.
        var calls = typeof(Packaging.Deploy.IStackDeployer).GetMethods().Select(m => "cloudformation:" + m.Name.Replace("Async", string.Empty, StringComparison.Ordinal));
        var flat = Section.Value.Replace("\n", " ", StringComparison.Ordinal);
        foreach (var call in calls.Select(c => c == "cloudformation:DescribeStack" ? "cloudformation:DescribeStacks" : c).Append("iam:PassRole").Append("s3:PutObject"))
        {
            Assert.That(flat, Does.Contain($"`{call}`"), call);
        }
    }

    [GeneratedRegex("```sh\n(dotnet copilot-job deploy[^\n]*)\n```")]
    private static partial Regex CommandBlock();

    [GeneratedRegex(@"^\| (`-[^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex TableFlag();

    [GeneratedRegex(@"`(-{1,2}[a-z-]+)")]
    private static partial Regex FlagName();

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
