using Copilot.Tool.Tests.Aws;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// Issue 10, "A whole workspace in one call": <c>package</c> with several jobs and environments (<c>-n a -n b -e test
/// -e prod</c>, <c>--all</c>) on a copy of the example workspace with two more jobs, from its records file.
/// </summary>
public class PackageBatchTests
{
    private static readonly string[] Jobs = ["alpha", "beta", AwsWorkspace.Job];
    private Workspace _workspace = null!;

    [SetUp]
    public void CopyExampleWithThreeJobs()
    {
        _workspace = Workspace.CopyOfExample();
        AwsWorkspace.AddJob(_workspace, "alpha");
        AwsWorkspace.AddJob(_workspace, "beta");
    }

    [TearDown]
    public void DeleteCopy() => _workspace.Dispose();

    [Test]
    public async Task All_writes_every_job_for_every_environment_the_records_know_byte_identical_to_single_runs()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        var expected = Jobs.SelectMany(job => new[] { "prod", "test" }.SelectMany(env => new[] { $"{job}-{env}.params.yml", $"{job}-{env}.stack.yml" }));
        Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")), Is.EqualTo(expected.Order(StringComparer.Ordinal)));

        var single = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "beta", "-e", "prod", "--output-dir", "single");
        Assert.That(single.ExitCode, Is.Zero, single.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllBytes(_workspace.File("out/beta-prod.stack.yml")), Is.EqualTo(File.ReadAllBytes(_workspace.File("single/beta-prod.stack.yml"))));
            Assert.That(File.ReadAllBytes(_workspace.File("out/beta-prod.params.yml")), Is.EqualTo(File.ReadAllBytes(_workspace.File("single/beta-prod.params.yml"))));
            Assert.That(run.Stderr, Does.Contain("Using records for environment prod from copilot/.records.yml.\n"));
            Assert.That(Occurrences(run.Stderr, "Using records for environment test"), Is.EqualTo(1), "each environment's records are read once for all its jobs");
            Assert.That(run.Stderr, Does.Contain("beta-prod: Schedule: \"30 6 * * 1-5\""), "a pair's notices are named after it");
            Assert.That(run.Stderr, Does.Contain($"Wrote {_workspace.File("out/alpha-prod.stack.yml")}\n"));
        }
    }

    [Test]
    public async Task A_second_run_leaves_files_that_already_hold_its_output_and_says_so()
    {
        var first = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "--output-dir", "out");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var past = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        foreach (var file in Directory.GetFiles(_workspace.File("out")))
        {
            File.SetLastWriteTimeUtc(file, past);
        }

        // One job's manifest changes: its templates (which carry the manifest) are rewritten, nothing else.
        var manifest = _workspace.File("copilot/alpha/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("LOG_LEVEL: info", "LOG_LEVEL: chatty", StringComparison.Ordinal));
        var second = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "--output-dir", "out");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Stderr, Does.Contain($"Wrote {_workspace.File("out/alpha-test.stack.yml")}\n"));
            Assert.That(second.Stderr, Does.Contain($"Wrote {_workspace.File("out/alpha-prod.stack.yml")}\n"));
            Assert.That(second.Stderr, Does.Contain($"Unchanged {_workspace.File("out/beta-prod.stack.yml")} (it already held this output)\n"));
            Assert.That(Occurrences(second.Stderr, "Wrote "), Is.EqualTo(2), second.Stderr);
            Assert.That(second.Stderr, Does.Contain($"Unchanged {_workspace.File("out/alpha-prod.params.yml")} (it already held this output)\n"));
            Assert.That(File.GetLastWriteTimeUtc(_workspace.File("out/alpha-test.stack.yml")), Is.Not.EqualTo(past));
            Assert.That(File.GetLastWriteTimeUtc(_workspace.File("out/beta-test.stack.yml")), Is.EqualTo(past));
            Assert.That(File.ReadAllText(_workspace.File("out/alpha-test.stack.yml")), Does.Contain("chatty"));
        }
    }

    [Test]
    public async Task All_over_many_workloads_lists_them_in_order_and_leaves_out_a_broken_one_with_a_warning()
    {
        // Nine and more workloads are read side by side; what comes out is still in directory order.
        var names = Enumerable.Range(1, 9).Select(i => $"job-{i:D2}").ToList();
        foreach (var name in names)
        {
            AwsWorkspace.AddJob(_workspace, name);
        }

        _workspace.Write("copilot/job-05/manifest.yml", "name: other-name\ntype: Scheduled Job\n");
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var expected = Jobs.Concat(names).Where(n => n != "job-05").Order(StringComparer.Ordinal)
            .SelectMany(job => new[] { $"{job}-test.params.yml", $"{job}-test.stack.yml" });
        Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")), Is.EqualTo(expected.Order(StringComparer.Ordinal)));
        Assert.That(run.Stderr, Does.Contain("(workload \"job-05\" is left out of the choice)"));
        Assert.That(Occurrences(run.Stderr, "is left out of the choice"), Is.EqualTo(1));
    }

    [Test]
    public async Task All_still_checks_each_listed_job_against_copilots_naming_rule()
    {
        AwsWorkspace.AddJob(_workspace, "Bad_Job");
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("Bad_Job-test: "));
        Assert.That(run.Stderr, Does.Contain("no files were written"));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    [Test]
    public async Task Repeated_names_and_envs_package_exactly_those_pairs()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "alpha", "-n", "beta", "-n", "alpha", "-e", "test", "--output-dir", "out", "--params-format", "json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")), Is.EqualTo(new[] { "alpha-test.params.json", "alpha-test.stack.yml", "beta-test.params.json", "beta-test.stack.yml" }));
    }

    [Test]
    public async Task All_with_one_environment_packages_every_job_for_it()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "-e", "prod", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")).Where(f => f.EndsWith(".stack.yml", StringComparison.Ordinal)), Is.EqualTo(Jobs.Select(j => $"{j}-prod.stack.yml")));
    }

    [Test]
    public async Task A_failing_pair_reports_its_located_error_and_no_pair_writes_anything()
    {
        _workspace.Write("out/alpha-test.stack.yml", "an earlier run's template\n");
        var manifest = _workspace.File("copilot/beta/manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("cpu: 512", "cpu: lots", StringComparison.Ordinal));

        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--all", "--output-dir", "out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Match(@"✘ beta-prod: copilot/beta/manifest\.yml:\d+:\d+: "), "the error names its pair and its place");
            Assert.That(run.Stderr, Does.Match(@"✘ beta-test: copilot/beta/manifest\.yml:\d+:\d+: "));
            Assert.That(run.Stderr, Does.Contain("✘ 2 of 6 jobs and environments failed: no files were written"));
            Assert.That(run.Stderr, Does.Not.Contain("Wrote "));
            Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")), Is.EqualTo(new[] { "alpha-test.stack.yml" }), "the other pairs wrote nothing");
            Assert.That(File.ReadAllText(_workspace.File("out/alpha-test.stack.yml")), Is.EqualTo("an earlier run's template\n"));
        }
    }

    [Test]
    public async Task Several_pairs_without_output_dir_are_refused_before_anything_is_printed()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "alpha", "-e", "test", "-e", "prod");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Does.Contain("✘ packaging 2 jobs and environments needs an output directory (or a diff)"));
        Assert.That(run.Stderr, Does.Contain("Add --output-dir <DIR> to write every pair's files there"), "the tool words the flag");
    }

    [Test]
    public async Task An_unknown_job_fails_only_its_pairs_and_says_which()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "alpha", "-n", "nope", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("✘ nope-test: "));
        Assert.That(run.Stderr, Does.Contain("✘ 1 of 2 jobs and environments failed: no files were written"));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    [Test]
    public async Task An_environment_the_records_lack_is_reported_once_for_all_its_pairs()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "alpha", "-n", "beta", "-e", "test", "-e", "nope", "--output-dir", "out");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(Occurrences(run.Stderr, "✘ alpha-nope, beta-nope: environment 'nope' is not in copilot/.records.yml (it has: prod, test)"), Is.EqualTo(1), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("✘ 2 of 4 jobs and environments failed: no files were written"));
            Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task A_missing_environment_with_one_job_given_is_asked_for_at_a_terminal_as_for_a_single_run()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, null, "2\n", true, "package", "-n", "alpha", "-n", "beta", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(AwsWorkspace.FilesUnder(_workspace.File("out")).Where(f => f.EndsWith(".stack.yml", StringComparison.Ordinal)), Is.EqualTo(new[] { "alpha-test.stack.yml", "beta-test.stack.yml" }));
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
