using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// Renders one manifest per feature, compares each template with its golden file under <c>Synthesis/Golden</c>
/// and lints all of them with cfn-lint in one run: no errors allowed.
/// </summary>
[NonParallelizable]
public class ScenarioLintAndGoldenTests
{
    private string _directory = string.Empty;
    private IReadOnlyList<CfnLintFinding> _findings = [];

    private static IEnumerable<string> ScenarioNames => SynthesisScenarios.All.Keys;

    [OneTimeSetUp]
    public void RenderAndLintEveryScenario()
    {
        _directory = Path.Combine(Path.GetTempPath(), "copilot-job-synthesis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var files = new List<string>();
        foreach (var (name, input) in SynthesisScenarios.All)
        {
            var path = Path.Combine(_directory, name + ".stack.yml");
            File.WriteAllText(path, Render(name));
            files.Add(path);
        }

        _findings = CfnLint.Run(files);
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
    public void Scenario_template_has_no_cfn_lint_errors(string scenario)
    {
        var errors = _findings
            .Where(f => Path.GetFileName(f.File) == scenario + ".stack.yml" && f.IsError && !f.IsPartitionSubstitutionInDefinition)
            .Select(f => f.ToString())
            .ToList();

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
