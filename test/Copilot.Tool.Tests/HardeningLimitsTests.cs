using System.Text;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// Issue 13 (9), (10) and (11), offline through the real host: values that broke the template, values echoed whole,
/// and manifests accepted although their stack cannot deploy. Each asserts exit code, message and that nothing was written.
/// </summary>
[TestFixture]
public sealed class HardeningLimitsTests
{
    private const string Job = "report-generator";
    private Workspace workspace = null!;

    [SetUp]
    public void CopyWorkspace() => workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteWorkspace() => workspace.Dispose();

    private string Manifest => workspace.File($"copilot/{Job}/manifest.yml");

    [Test]
    [Category(TestCategories.CfnLint)]
    public async Task Variable_and_label_values_equals_and_merge_key_pass_cfn_lint()
    {
        Edit("  REPORT_BUCKET: my-app-reports\n", "  REPORT_BUCKET: my-app-reports\n  EQUALS: \"=\"\n  MERGE: \"<<\"\n  NEL: \"a\\Nb\"\n  CR: \"a\\rb\"\n");
        Edit("    team: reporting\n", "    team: reporting\n    eq: \"=\"\n    merge: \"<<\"\n");

        var run = await PackageAsync();

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var template = workspace.File($"out/{Job}-test.stack.yml");
        var text = File.ReadAllText(template);
        Assert.That(text, Does.Contain("Value: '='").And.Contain("Value: '<<'").And.Contain("Value: \"a\\Nb\"").And.Contain("Value: \"a\\rb\""));
        Assert.That(CfnLint.Run([template]).Where(f => f.IsRealError).Select(f => f.ToString()), Is.Empty);
    }

    [Test]
    public async Task Eleven_sidecars_are_refused_at_the_sidecars_field()
    {
        var sidecars = new StringBuilder("sidecars:\n");
        for (var i = 0; i < 10; i++)
        {
            sidecars.Append(FormattableString.Invariant($"  side{i}:\n    image: public.ecr.aws/nginx/nginx:latest\n"));
        }

        File.AppendAllText(Manifest, sidecars.ToString());
        var line = File.ReadAllLines(Manifest).ToList().IndexOf("sidecars:") + 2;

        var run = await PackageAsync();

        AssertRefused(run, $"copilot/{Job}/manifest.yml:{line}:3: the task definition would have 11 containers (the job, its sidecars and the log router); ECS accepts at most 10");
    }

    [Test]
    public async Task A_template_over_1_mb_is_refused_saying_which_limit_applies()
    {
        Edit("  REPORT_BUCKET: my-app-reports\n", "  REPORT_BUCKET: my-app-reports\n  BIG1: ${BIG}\n  BIG2: ${BIG}\n");
        var variables = new Dictionary<string, string> { ["BIG"] = new string('x', 400_000) };

        var run = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, "package", "-n", Job, "-e", "test", "--output-dir", "out");

        AssertRefused(run, "bytes; CloudFormation deploys at most 1000000 bytes (by TemplateURL, as copilot deploys)");
        Assert.That(run.Stderr.Length, Is.LessThan(10_000), "the 400 KB values are not echoed");
    }

    [Test]
    public async Task Two_thousand_references_to_a_100_kb_variable_are_refused_at_the_value()
    {
        var references = string.Concat(Enumerable.Repeat("${BIG}", 2_000));
        Edit("  REPORT_BUCKET: my-app-reports\n", $"  REPORT_BUCKET: my-app-reports\n  EXPANDED: \"{references}\"\n");
        var variables = new Dictionary<string, string> { ["BIG"] = new string('b', 100 * 1024) };
        var line = Array.IndexOf(File.ReadAllLines(Manifest), $"  EXPANDED: \"{references}\"") + 1;

        // Refused at the value, by the size bound, before the 200 MB expansion is built (the message says so).
        var run = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, "package", "-n", Job, "-e", "test", "--output-dir", "out");

        AssertRefused(run, $"copilot/{Job}/manifest.yml:{line}:13: variables.EXPANDED: interpolating ${{BIG}} would make the manifest's values longer than 2097152 characters");
    }

    [TestCase("Resources", 500, "resources", "{Type: AWS::SNS::Topic}")]
    [TestCase("Parameters", 200, "parameters", "{Type: String, Default: x}")]
    [TestCase("Outputs", 200, "outputs", "{Value: x}")]
    public async Task A_template_over_a_cloudformation_count_limit_is_refused(string section, int limit, string what, string value)
    {
        // Patches are applied after synthesis, so they can push the template over the limit the checks guard: one more
        // entry than the limit (besides what the template has already).
        // The example's template has no Outputs section: the first patch makes it.
        var patches = new StringBuilder(section == "Outputs" ? "- op: add\n  path: /Outputs\n  value: {}\n" : string.Empty);
        for (var i = 0; i <= limit; i++)
        {
            patches.Append(FormattableString.Invariant($"- op: add\n  path: /{section}/Extra{i}\n  value: {value}\n"));
        }

        Directory.CreateDirectory(workspace.File($"copilot/{Job}/overrides"));
        File.WriteAllText(workspace.File($"copilot/{Job}/overrides/cfn.patches.yml"), patches.ToString());

        var run = await PackageAsync();

        AssertRefused(run, $"copilot/{Job}/manifest.yml:1:1: the template of stack my-app-test-{Job} has ");
        Assert.That(run.Stderr, Does.Contain($" {what}; CloudFormation accepts at most {limit}"), run.ToString());
    }

    // CloudFormation's 4,096-byte limit on a parameter value: the artifact key ARN of the records is one.
    [TestCase(4_096, 0)]
    [TestCase(4_097, 1)]
    [TestCase(20_000, 1)]
    public async Task A_parameter_value_over_4096_bytes_is_refused_before_anything_is_written(int bytes, int exitCode)
    {
        const string key = "arn:aws:kms:us-west-2:123456789123:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var longKey = key + new string('0', bytes - key.Length);
        var records = workspace.File("copilot/.records.yml");
        File.WriteAllText(records, File.ReadAllText(records).Replace(key, longKey, StringComparison.Ordinal));

        var run = await PackageAsync();

        if (exitCode == 0)
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(Directory.GetFiles(workspace.File("out")).Select(File.ReadAllText), Has.Some.Contain(longKey), "exactly 4,096 bytes is still accepted");
            return;
        }

        AssertRefused(run, $"copilot/{Job}/manifest.yml:1:1: the value of template parameter ArtifactKeyARN is {bytes} bytes; CloudFormation accepts at most 4096");
        Assert.That(run.Stderr, Does.Not.Contain(longKey), "the long value is not echoed");
    }

    [Test]
    public async Task A_schedule_over_256_characters_is_refused_at_the_schedule()
    {
        var minutes = string.Join(',', Enumerable.Range(0, 60));
        var hours = string.Join(',', Enumerable.Range(0, 24));
        var days = string.Join(',', Enumerable.Range(1, 31));
        var schedule = $"cron({minutes} {hours} {days} * ? *)";
        Assert.That(schedule, Has.Length.GreaterThan(256));
        Edit("  schedule: \"30 6 * * 1-5\"\n", $"  schedule: \"{schedule}\"\n");
        var line = Array.IndexOf(File.ReadAllLines(Manifest), $"  schedule: \"{schedule}\"") + 1;

        var run = await PackageAsync();

        AssertRefused(run, $"copilot/{Job}/manifest.yml:{line}:13: the schedule expression is {schedule.Length} characters long; EventBridge accepts at most 256");
    }

    [Test]
    public async Task Escape_sequences_in_a_manifest_value_reach_the_terminal_escaped_and_long_values_capped()
    {
        Edit("  schedule: \"30 6 * * 1-5\"\n", $"  schedule: \"\\e[2J\\e]0;owned\\a{new string('9', 900 * 1024)}\"\n");

        var run = await PackageAsync();

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw ESC reaches the terminal");
        Assert.That(run.Stderr.Length, Is.LessThan(10_000), "the 900 KB value is not echoed whole");
        Assert.That(Directory.Exists(workspace.File("out")), Is.False);
    }

    private void AssertRefused(ToolRun run, string message)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain(message), run.ToString());
            Assert.That(run.Stderr, Does.Not.Contain("this is a bug"));
            Assert.That(Directory.Exists(workspace.File("out")), Is.False, "nothing is written");
        }
    }

    private void Edit(string from, string to)
    {
        var text = File.ReadAllText(Manifest);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(Manifest, text.Replace(from, to, StringComparison.Ordinal));
    }

    private Task<ToolRun> PackageAsync() => InProcessTool.RunAsync(workspace.Path, "package", "-n", Job, "-e", "test", "--output-dir", "out");
}
