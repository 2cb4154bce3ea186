using System.Diagnostics;
using System.Text.RegularExpressions;
using Copilot.Packaging.Tests.Support;
using Copilot.Testing;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Release;

/// <summary>
/// The C# example of the library's package README (src/Copilot.Packaging/README.md), compiled as a program of its
/// own against the library (a ProjectReference, as a package user's PackageReference would give it) and run on a copy
/// of the example workspace: it must print the template, parameters and tags the tool would write.
/// </summary>
[NonParallelizable]
public class PackageReadmeExampleTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static string ReadmePath => Path.Combine(RepositoryPaths.Root, "src", "Copilot.Packaging", "README.md");

    private static string GoldenPath(string name) =>
        Path.Combine(RepositoryPaths.Root, "test", "Copilot.Packaging.Tests", "Synthesis", "Golden", name);

    [Test]
    public void The_readme_has_exactly_one_csharp_example()
    {
        Assert.That(CSharpBlocks(File.ReadAllText(ReadmePath)), Has.Count.EqualTo(1));
    }

    [Test]
    [Category(TestCategories.Process)]
    public void The_readme_example_compiles_and_returns_the_template_parameters_and_tags()
    {
        using var project = new TempDirectory();
        using var workspace = new TempDirectory();
        RepositoryPaths.CopyExample(workspace.Path);
        var workspaceFilesBefore = Directory.GetFiles(workspace.Path, "*", SearchOption.AllDirectories).Order().ToList();

        // Outside the repository, so none of its Directory.Build.props applies: a plain consumer project.
        project.Write("Directory.Build.props", "<Project />");
        project.Write("Directory.Build.targets", "<Project />");
        project.Write("Directory.Packages.props", "<Project />");
        File.Copy(Path.Combine(RepositoryPaths.Root, "nuget.config"), Path.Combine(project.Path, "nuget.config"));
        var library = Path.Combine(RepositoryPaths.Root, "src", "Copilot.Packaging", "Copilot.Packaging.csproj");
        project.Write("ReadmeExample.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{library}" />
              </ItemGroup>
            </Project>
            """);
        project.Write("Program.cs", CSharpBlocks(File.ReadAllText(ReadmePath)).Single());

        var build = Run("dotnet", project.Path, "build", "ReadmeExample.csproj", "-c", Configuration, "--nologo", "-v", "q");
        Assert.That(build.ExitCode, Is.Zero, build.Output);

        var program = Path.Combine(project.Path, "bin", Configuration, "net10.0", "ReadmeExample.dll");
        var run = Run("dotnet", workspace.Path, program);

        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Stderr, Is.Empty, "the library reports nothing on the console");
        var golden = File.ReadAllText(GoldenPath("example-report-generator-test.stack.yml"));
        Assert.That(run.Stdout, Does.StartWith(golden), "the template is the one the tool writes");
        var template = new YamlStream();
        template.Load(new StringReader(golden));
        var resources = (YamlMappingNode)((YamlMappingNode)template.Documents[0].RootNode)["Resources"];
        Assert.That(resources.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(new[] { "TaskDefinition", "Rule", "StateMachine", "EnvControllerAction" }));

        var lines = run.Stdout[golden.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var configuration = new YamlStream();
        configuration.Load(new StringReader(File.ReadAllText(GoldenPath("example-report-generator-test.params.yml"))));
        var root = (YamlMappingNode)configuration.Documents[0].RootNode;
        var expected = Entries((YamlMappingNode)root["Parameters"], "parameter").Concat(Entries((YamlMappingNode)root["Tags"], "tag"));
        Assert.That(lines, Is.EquivalentTo(expected));
        Assert.That(lines, Does.Contain("parameter WorkloadName=report-generator").And.Contain("tag copilot-environment=test").And.Contain("tag cost-center=42"));
        Assert.That(Directory.GetFiles(workspace.Path, "*", SearchOption.AllDirectories).Order(), Is.EqualTo(workspaceFilesBefore), "no files written");
    }

    private static IEnumerable<string> Entries(YamlMappingNode map, string kind) =>
        map.Children.Select(e => $"{kind} {e.Key}={e.Value}");

    private static List<string> CSharpBlocks(string markdown) =>
        Regex.Matches(markdown, @"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();

    private static (int ExitCode, string Stdout, string Stderr, string Output) Run(string fileName, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        TestTier.Require("dotnet", TestCategories.Process);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', args)} did not finish in 8 minutes");
        }

        var (output, error) = (stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        return (process.ExitCode, output, error, $"exit {process.ExitCode}\nstdout:\n{output}\nstderr:\n{error}");
    }
}
