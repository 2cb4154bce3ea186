using System.Text.RegularExpressions;
using Copilot.Testing;
using Copilot.Tool.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Copilot.Tool.Tests.Release;

/// <summary>
/// The GitHub Actions workflows, read as YAML: their triggers, jobs and steps, and every repository script they call
/// exists and is executable (in git's index, which is what a clone on a runner gets).
/// </summary>
public class WorkflowTests
{
    private static YamlMappingNode Load(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, ".github", "workflows", name);
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)Map(Map(workflow, "jobs"), job)["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static IEnumerable<string> Runs(IEnumerable<YamlMappingNode> steps) => steps.Select(s => Scalar(s, "run")).OfType<string>();

    private static YamlMappingNode Uses(IEnumerable<YamlMappingNode> steps, string action) =>
        steps.Single(s => Scalar(s, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true);

    [Test]
    public void Ci_runs_the_readme_test_command_on_linux_and_builds_on_windows_and_macos()
    {
        var ci = Load("ci.yml");

        var on = Map(ci, "on");
        Assert.That(on.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(new[] { "push", "pull_request" }));
        Assert.That(Map(Map(ci, "jobs"), "test")["runs-on"].ToString(), Does.StartWith("ubuntu"));

        var test = Steps(ci, "test");
        Assert.That(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), Does.Contain("./build/test.sh"), "the README's test command");
        Assert.That(Runs(test), Does.Contain("./build/test.sh"));
        Assert.That(Runs(test), Does.Contain("./build/pack.sh").And.Contain("./build/smoke-test.sh"));
        Assert.That(Scalar(Map(Uses(test, "actions/setup-dotnet"), "with"), "global-json-file"), Is.EqualTo("global.json"));
        Assert.That(int.Parse(Scalar(Map(Uses(test, "actions/setup-node"), "with"), "node-version")!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(20));
        Assert.That(Scalar(Map(Uses(test, "actions/setup-python"), "with"), "python-version"), Does.StartWith("3."));
        Assert.That(Runs(test).Single(r => r.Contains("pip install", StringComparison.Ordinal)), Does.Contain("cfn-lint==").And.Contain("moto[server]=="));

        var build = Map(Map(ci, "jobs"), "build");
        var matrix = (YamlSequenceNode)Map(Map(build, "strategy"), "matrix")["os"];
        Assert.That(matrix.Children.Select(n => n.ToString()), Is.EquivalentTo(new[] { "windows-latest", "macos-latest" }));
        Assert.That(Runs(Steps(ci, "build")).Single(), Does.StartWith("dotnet build Copilot.Tool.sln -c Release"));
    }

    [Test]
    public void Release_on_a_version_tag_tests_packs_pushes_to_nuget_and_creates_the_github_release()
    {
        var release = Load("release.yml");

        var tags = (YamlSequenceNode)Map(Map(release, "on"), "push")["tags"];
        Assert.That(tags.Children.Select(n => n.ToString()), Is.EqualTo(new[] { "v*" }));
        Assert.That(Map(release, "permissions")["contents"].ToString(), Is.EqualTo("write"));

        var steps = Steps(release, "release");
        var runs = Runs(steps).ToList();
        int IndexOf(string command) => runs.FindIndex(r => r.Contains(command, StringComparison.Ordinal));
        Assert.That(IndexOf("./build/changelog-section.sh \"$GITHUB_REF_NAME\""), Is.GreaterThanOrEqualTo(0));
        Assert.That(IndexOf("./build/test.sh"), Is.LessThan(IndexOf("./build/pack.sh --no-native")));
        Assert.That(IndexOf("./build/pack.sh"), Is.LessThan(IndexOf("./build/package-version.sh")));
        Assert.That(IndexOf("./build/smoke-test.sh"), Is.LessThan(IndexOf("dotnet nuget push")));
        Assert.That(IndexOf("dotnet nuget push"), Is.LessThan(IndexOf("gh release create")));
        Assert.That(runs[IndexOf("package-version.sh")], Does.Contain("Copilot.Packaging").And.Contain("Copilot.Tool"));

        var push = steps.Single(s => Scalar(s, "run")?.Contains("dotnet nuget push", StringComparison.Ordinal) == true);
        Assert.That(Scalar(Map(push, "env"), "NUGET_API_KEY"), Is.EqualTo("${{ secrets.NUGET_API_KEY }}"));
        Assert.That(Scalar(push, "run"), Does.Contain("artifacts/packages/*.nupkg").And.Contain("--api-key \"$NUGET_API_KEY\""));
        var pushRun = Scalar(push, "run")!;
        Assert.That(pushRun.IndexOf("Copilot.Tool.[a-z]*.nupkg", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(pushRun.IndexOf("artifacts/packages/*.nupkg", StringComparison.Ordinal)),
            "the platform packages are pushed before the pointer package that names them");
        var gh = steps.Single(s => Scalar(s, "run")?.Contains("gh release create", StringComparison.Ordinal) == true);
        Assert.That(Scalar(gh, "run"), Does.Contain("--notes-file \"$RUNNER_TEMP/release-notes.md\""));
        Assert.That(runs[IndexOf("changelog-section.sh")], Does.Contain("> \"$RUNNER_TEMP/release-notes.md\""));
    }

    [Test]
    public void Release_packs_each_native_package_on_its_own_platform_then_pushes_them_with_the_rest()
    {
        var release = Load("release.yml");
        var jobs = Map(release, "jobs");
        var native = Map(jobs, "native");

        // One runner per RID that Copilot.Tool names (ToolPackageRuntimeIdentifiers, without the fallback "any").
        var project = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Copilot.Tool", "Copilot.Tool.csproj"));
        var rids = Regex.Match(project, "<ToolPackageRuntimeIdentifiers>([^<]+)</ToolPackageRuntimeIdentifiers>").Groups[1].Value.Split(';').Where(r => r != "any").ToList();
        var include = ((YamlSequenceNode)Map(Map(native, "strategy"), "matrix")["include"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.That(include.Select(e => Scalar(e, "rid")), Is.EquivalentTo(rids));
        Assert.That(rids, Is.SupersetOf(new[] { "linux-x64", "linux-arm64", "osx-arm64", "osx-x64", "win-x64", "win-arm64" }));
        var runners = include.ToDictionary(e => Scalar(e, "rid")!, e => Scalar(e, "os")!);
        Assert.That(runners.Values, Is.Unique, "each platform on a runner of its own");
        foreach (var (rid, os) in runners)
        {
            var family = rid.Split('-')[0] switch { "linux" => "ubuntu", "osx" => "macos", _ => "windows" };
            Assert.That(os, Does.StartWith(family), $"{rid} is packed on {os}");
            // GitHub's macOS runners are Apple silicon unless named -intel; its Linux and Windows runners x64 unless named -arm.
            var armRunner = family == "macos" ? !os.EndsWith("-intel", StringComparison.Ordinal) : os.Contains("-arm", StringComparison.Ordinal);
            Assert.That(armRunner, Is.EqualTo(rid.EndsWith("-arm64", StringComparison.Ordinal)), $"{rid} is packed on a runner of its architecture ({os})");
        }

        Assert.That(native["runs-on"].ToString(), Is.EqualTo("${{ matrix.os }}"));
        var nativeSteps = Steps(release, "native");
        Assert.That(Runs(nativeSteps), Does.Contain("./build/pack.sh --rid ${{ matrix.rid }}"));
        var upload = Map(Uses(nativeSteps, "actions/upload-artifact"), "with");
        Assert.That(Scalar(upload, "name"), Is.EqualTo("native-${{ matrix.rid }}"));
        Assert.That(Scalar(upload, "path"), Is.EqualTo("artifacts/packages/Copilot.Tool.${{ matrix.rid }}.*.nupkg"));

        // The release job waits for every native package, adds them to the others, checks their versions, smoke-tests and pushes.
        Assert.That(Map(jobs, "release")["needs"].ToString(), Is.EqualTo("native"));
        var steps = Steps(release, "release").ToList();
        var download = steps.FindIndex(s => Scalar(s, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.That(Scalar(Map(steps[download], "with"), "pattern"), Is.EqualTo("native-*"));
        Assert.That(Scalar(Map(steps[download], "with"), "path"), Is.EqualTo("artifacts/packages"));
        int StepOf(string command) => steps.FindIndex(s => Scalar(s, "run")?.Contains(command, StringComparison.Ordinal) == true);
        Assert.That(download, Is.GreaterThan(StepOf("./build/pack.sh --no-native")).And.LessThan(StepOf("./build/package-version.sh")));
        Assert.That(Scalar(steps[StepOf("./build/package-version.sh")], "run"), Does.Contain("Copilot.Tool.any"));
        foreach (var rid in rids)
        {
            Assert.That(Scalar(steps[StepOf("./build/package-version.sh")], "run"), Does.Contain($"Copilot.Tool.{rid}"));
        }

        Assert.That(StepOf("./build/smoke-test.sh"), Is.GreaterThan(download));
    }

    [TestCase("ci.yml")]
    [TestCase("release.yml")]
    public void Every_checkout_fetches_the_whole_history_for_minver(string name)
    {
        var workflow = Load(name);
        var checkouts = Map(workflow, "jobs").Children.Keys
            .SelectMany(job => Steps(workflow, job.ToString()))
            .Where(s => Scalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true)
            .ToList();

        Assert.That(checkouts, Has.Count.EqualTo(Map(workflow, "jobs").Children.Count));
        Assert.That(checkouts.Select(c => Scalar(Map(c, "with"), "fetch-depth")), Is.All.EqualTo("0"));
    }

    [TestCase("ci.yml")]
    [TestCase("release.yml")]
    public void Every_repository_script_and_file_a_workflow_names_exists_and_scripts_are_executable(string name)
    {
        var workflow = Load(name);
        var runs = Map(workflow, "jobs").Children.Keys.SelectMany(job => Runs(Steps(workflow, job.ToString()))).ToList();
        var scripts = runs.SelectMany(r => Regex.Matches(r, @"\./(build/[\w.-]+)").Select(m => m.Groups[1].Value)).Distinct().ToList();
        var files = runs.SelectMany(r => Regex.Matches(r, @"\b[\w.]+\.sln\b").Select(m => m.Value)).Distinct().ToList();
        Assert.That(scripts, Is.Not.Empty);

        // git ls-files -s: "<mode> <object> <stage>\t<path>"; 100755 is an executable file.
        var index = ProcessRunner.Run("git", RepositoryPaths.Root, null, "ls-files", "-s", "--", "build", "*.sln", "global.json");
        Assert.That(index.ExitCode, Is.Zero, index.ToString());
        var modes = index.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[1], p => p[0].Split(' ')[0]);
        foreach (var script in scripts)
        {
            Assert.That(modes.TryGetValue(script, out var mode), Is.True, $"{name} runs {script}, which is not in the repository");
            Assert.That(mode, Is.EqualTo("100755"), $"{script} is not executable");
        }

        foreach (var file in files.Append("global.json"))
        {
            Assert.That(modes.ContainsKey(file), Is.True, $"{name} names {file}, which is not in the repository");
        }
    }
}
