using Copilot.Testing;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// Renders one manifest per feature, compares each template with its golden file under <c>Synthesis/Golden</c>
/// and lints all of them (and the addons templates of the scenarios that have addons) with cfn-lint in one run: no
/// errors allowed.
/// </summary>
[NonParallelizable]
public class ScenarioLintAndGoldenTests
{
    private const string BrokenFile = "broken.stack.yml";

    private string _directory = string.Empty;
    private readonly List<string> _files = [];
    private IReadOnlyList<CfnLintFinding>? _findings;

    /// <summary>cfn-lint runs once, over every rendered file, when the first lint test asks (so <c>--fast</c>, which leaves the lint tests out, never starts it).</summary>
    private IReadOnlyList<CfnLintFinding> Findings => _findings ??= CfnLint.Run(_files);

    private static IEnumerable<string> ScenarioNames => SynthesisScenarios.All.Keys;

    private static IEnumerable<string> ScenariosWithAddons => SynthesisScenarios.All.Where(s => s.Value.Addons is not null).Select(s => s.Key);

    [OneTimeSetUp]
    public void RenderAndLintEveryScenario()
    {
        _directory = Path.Combine(Path.GetTempPath(), "copilot-job-synthesis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var files = _files;
        foreach (var name in SynthesisScenarios.All.Keys)
        {
            var path = Path.Combine(_directory, name + ".stack.yml");
            File.WriteAllText(path, Render(name));
            files.Add(path);
        }

        foreach (var name in ScenariosWithAddons)
        {
            var path = Path.Combine(_directory, name + ".addons.stack.yml");
            File.WriteAllText(path, SynthesisScenarios.All[name].Addons!.Text);
            files.Add(path);
        }

        // A deliberately broken template proves the lint run can fail.
        var broken = SynthesisFixtures.Synthesizer().Synthesize(SynthesisFixtures.Input(SynthesisFixtures.MinimalManifest())).Template;
        ((YamlMappingNode)TemplatePaths.Node(broken, "Resources.TaskDefinition")).Children[new YamlScalarNode("Type")] = Cfn.Str("AWS::ECS::TaskDefinitio");
        var brokenPath = Path.Combine(_directory, BrokenFile);
        File.WriteAllText(brokenPath, YamlTextWriter.Write(broken));
        files.Add(brokenPath);
    }

    [Test]
    [Category(TestCategories.CfnLint)]
    public void The_lint_run_reports_errors_of_a_broken_template()
    {
        Assert.That(Findings.Where(f => Path.GetFileName(f.File) == BrokenFile && f.IsError), Is.Not.Empty);
    }

    [OneTimeTearDown]
    public void RemoveRenderedFiles()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [TestCaseSource(nameof(ScenarioNames))]
    [Category(TestCategories.CfnLint)]
    public void Scenario_template_has_no_cfn_lint_errors(string scenario)
    {
        var errors = Findings
            .Where(f => Path.GetFileName(f.File) == scenario + ".stack.yml" && f.IsError && !f.IsPartitionSubstitutionInDefinition)
            .Select(f => f.ToString())
            .ToList();

        Assert.That(errors, Is.Empty, string.Join("\n", errors));
    }

    [TestCaseSource(nameof(ScenariosWithAddons))]
    [Category(TestCategories.CfnLint)]
    public void Scenario_addons_template_has_no_cfn_lint_errors(string scenario)
    {
        var errors = Findings
            .Where(f => Path.GetFileName(f.File) == scenario + ".addons.stack.yml" && f.IsError)
            .Select(f => f.ToString())
            .ToList();

        Assert.That(ScenariosWithAddons, Is.Not.Empty);
        Assert.That(errors, Is.Empty, string.Join("\n", errors));
    }

    [TestCaseSource(nameof(ScenarioNames))]
    public void Scenario_template_matches_its_golden_file(string scenario)
    {
        GoldenFiles.Verify(scenario + ".stack.yml", Render(scenario));
    }

    private static string Render(string scenario) =>
        YamlTextWriter.Write(SynthesisFixtures.Synthesizer().Synthesize(SynthesisScenarios.All[scenario]).Template);
}
