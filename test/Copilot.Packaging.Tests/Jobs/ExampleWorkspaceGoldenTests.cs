using Copilot.Packaging.Jobs;
using Copilot.Testing;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Tests.Synthesis;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>
/// The bundled example workspace (<c>examples/report-generator</c>, the README's first command) packaged for each of its
/// environments, compared with golden files (re-bless with <c>COPILOT_JOB_BLESS=1</c>) and linted with cfn-lint.
/// </summary>
public class ExampleWorkspaceGoldenTests
{
    [TestCase("test")]
    [TestCase("prod")]
    public void Packages_the_example_like_its_golden_files(string env)
    {
        using var dir = new TempDirectory();
        RepositoryPaths.CopyExample(dir.Path);

        JobPackagingHarness.Package(dir.Path, "report-generator", env, "out");
        JobPackagingHarness.Package(dir.Path, "report-generator", env, "out-json", ParamsFormat.Json);

        var stack = File.ReadAllText(Path.Combine(dir.Path, "out", $"report-generator-{env}.stack.yml"));
        Assert.Multiple(() =>
        {
            GoldenFiles.Verify($"example-report-generator-{env}.stack.yml", stack);
            GoldenFiles.Verify($"example-report-generator-{env}.params.yml", File.ReadAllText(Path.Combine(dir.Path, "out", $"report-generator-{env}.params.yml")));
            GoldenFiles.Verify($"example-report-generator-{env}.params.json", File.ReadAllText(Path.Combine(dir.Path, "out-json", $"report-generator-{env}.params.json")));
        });
    }

    [TestCase("test")]
    [TestCase("prod")]
    [Category(TestCategories.CfnLint)]
    public void The_packaged_example_has_no_cfn_lint_errors(string env)
    {
        using var dir = new TempDirectory();
        RepositoryPaths.CopyExample(dir.Path);

        JobPackagingHarness.Package(dir.Path, "report-generator", env, "out");

        var errors = CfnLint.Run([Path.Combine(dir.Path, "out", $"report-generator-{env}.stack.yml")])
            .Where(f => f.IsRealError);
        Assert.That(errors, Is.Empty);
    }
}
