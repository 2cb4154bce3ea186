using Copilot.Testing;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests;

/// <summary>
/// Same behaviour, native or not: every case runs through the installed Native AOT tool and through the installed
/// framework-dependent fallback on the same workspace, and the exit codes, stdout, stderr and every file written must be
/// byte-identical. The example's outputs must also equal the golden files the in-process tests compare with
/// (<c>test/Copilot.Packaging.Tests/Synthesis/Golden/example-*</c>).
/// </summary>
[NonParallelizable]
[Category(TestCategories.PackedTool)]
public class NativeToolCorpusTests
{
    private const string Job = "report-generator";
    private const string Manifest = $"copilot/{Job}/manifest.yml";

    private PackedTool _native = null!;
    private PackedTool _fallback = null!;

    [OneTimeSetUp]
    public void Install()
    {
        _native = PackedTool.Install();
        _fallback = PackedTool.Install(PackedTool.Fallback);
        Assert.That(NativeExecutable.IsNative(new FileInfo(_native.Executable).ResolveLinkTarget(true)?.FullName ?? _native.Executable), Is.True, "the native tool is installed");
    }

    [OneTimeTearDown]
    public void Uninstall()
    {
        _native?.Dispose();
        _fallback?.Dispose();
    }

    /// <summary>A workspace (the example, changed by <see cref="Change"/>) and the arguments to run in it.</summary>
    private sealed record Case(string Name, Action<Workspace> Change, int ExitCode, params string[] Args);

    private static readonly IReadOnlyDictionary<string, Case> CasesByName = Cases().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static IEnumerable<string> CaseNames => CasesByName.Keys;

    private static void AppendToManifest(Workspace workspace, string text) =>
        File.AppendAllText(workspace.File(Manifest), text);

    private static void Unchanged(Workspace workspace)
    {
    }

    private static IEnumerable<Case> Cases()
    {
        foreach (var env in new[] { "test", "prod" })
        {
            yield return new($"example {env}, stdout", Unchanged, 0, "package", "-n", Job, "-e", env);
            yield return new($"example {env}, --output-dir", Unchanged, 0, "package", "-n", Job, "-e", env, "--output-dir", "out");
            yield return new($"example {env}, --params-format json", Unchanged, 0, "package", "-n", Job, "-e", env, "--output-dir", "out", "--params-format", "json");
        }

        string[] test = ["package", "-n", Job, "-e", "test"];
        yield return new("managed EFS volume", w => AppendToManifest(w, "storage:\n  volumes:\n    reports:\n      path: /var/reports\n      efs: true\n"), 0, test);
        yield return new("sidecar", w => AppendToManifest(w, "sidecars:\n  proxy:\n    image: public.ecr.aws/nginx/nginx:latest\n    port: 8080\n    variables:\n      MODE: sidecar\n"), 0, test);
        yield return new("FireLens logging", w => AppendToManifest(w, "logging:\n  destination:\n    Name: cloudwatch\n    region: us-west-2\n"), 0, test);
        yield return new("SNS topics", w => AppendToManifest(w, "publish:\n  topics:\n    - name: reports-ready\n"), 0, test);
        yield return new("arm64 platform", w => AppendToManifest(w, "platform: linux/arm64\n"), 0, test);
        yield return new("task definition overrides", w => AppendToManifest(w, "taskdef_overrides:\n  - path: ContainerDefinitions[0].Ulimits[-]\n    value:\n      Name: cpu\n      SoftLimit: 1024\n      HardLimit: 2048\n"), 0, test);
        yield return new("CloudFormation patch", w => w.Write($"copilot/{Job}/overrides/cfn.patches.yml", "- op: add\n  path: /Resources/LogGroup/Properties/RetentionInDays\n  value: 90\n"), 0, test);
        yield return new("unknown key warning", w => AppendToManifest(w, "colour: blue\n"), 0, test);
        yield return new("unknown key with --strict", w => AppendToManifest(w, "colour: blue\n"), 1, [.. test, "--strict"]);
        yield return new("invalid manifest value", w => File.WriteAllText(w.File(Manifest), File.ReadAllText(w.File(Manifest)).Replace("cpu: 512", "cpu: 513", StringComparison.Ordinal)), 1, test);
        yield return new("unknown job", Unchanged, 1, "package", "-n", "nope", "-e", "test");
        yield return new("unknown environment", Unchanged, 1, "package", "-n", Job, "-e", "staging");
        yield return new("unknown option", Unchanged, 1, "package", "--nope");
        yield return new("root help", Unchanged, 0, "--help");
        yield return new("package help", Unchanged, 0, "package", "--help");
        yield return new("deploy help", Unchanged, 0, "deploy", "--help");
        yield return new("records export help", Unchanged, 0, "records", "export", "--help");
        yield return new("version", Unchanged, 0, "--version");
    }

    [TestCaseSource(nameof(CaseNames))]
    public void The_native_tool_behaves_byte_for_byte_like_the_framework_dependent_one(string name)
    {
        var @case = CasesByName[name];
        var (native, fallback) = RunBoth(@case);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(native.Run.ExitCode, Is.EqualTo(@case.ExitCode), native.Run.ToString());
            Assert.That(native.Run.ExitCode, Is.EqualTo(fallback.Run.ExitCode));
            Assert.That(native.Run.Stdout, Is.EqualTo(fallback.Run.Stdout));
            Assert.That(native.Run.Stderr, Is.EqualTo(fallback.Run.Stderr));
            Assert.That(native.Files.Keys, Is.EqualTo(fallback.Files.Keys), "the same files");
            foreach (var (path, bytes) in native.Files)
            {
                Assert.That(bytes, Is.EqualTo(fallback.Files.GetValueOrDefault(path)), path);
            }
        }

        if (@case.ExitCode == 0 && @case.Args[0] == "package")
        {
            Assert.That(native.Run.Stdout.Length + native.Files.Count, Is.GreaterThan(0), "the case wrote a template");
        }
    }

    [TestCase("test")]
    [TestCase("prod")]
    public void The_native_tool_writes_the_examples_golden_files(string env)
    {
        using var workspace = Workspace.CopyOfExample();
        var yaml = _native.Run(workspace.Path, "package", "-n", Job, "-e", env, "--output-dir", "out");
        var json = _native.Run(workspace.Path, "package", "-n", Job, "-e", env, "--output-dir", "out-json", "--params-format", "json");
        var stdout = _native.Run(workspace.Path, "package", "-n", Job, "-e", env);

        Assert.That(yaml.ExitCode, Is.Zero, yaml.ToString());
        Assert.That(json.ExitCode, Is.Zero, json.ToString());
        var golden = Path.Combine(RepositoryPaths.Root, "test", "Copilot.Packaging.Tests", "Synthesis", "Golden");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllBytes(workspace.File($"out/{Job}-{env}.stack.yml")), Is.EqualTo(File.ReadAllBytes(Path.Combine(golden, $"example-{Job}-{env}.stack.yml"))));
            Assert.That(File.ReadAllBytes(workspace.File($"out/{Job}-{env}.params.yml")), Is.EqualTo(File.ReadAllBytes(Path.Combine(golden, $"example-{Job}-{env}.params.yml"))));
            Assert.That(File.ReadAllBytes(workspace.File($"out-json/{Job}-{env}.params.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(golden, $"example-{Job}-{env}.params.json"))));
            Assert.That(stdout.Stdout, Is.EqualTo(File.ReadAllText(Path.Combine(golden, $"example-{Job}-{env}.stack.yml"))));
        }
    }

    private sealed record Outcome(ToolRun Run, IReadOnlyDictionary<string, byte[]> Files);

    // Runs the case with each tool in a fresh copy of the example at the same path (messages may name it);
    // Files: what the run added or changed under the workspace (relative path → bytes).
    private (Outcome Native, Outcome Fallback) RunBoth(Case @case)
    {
        var path = Path.Combine(Path.GetTempPath(), "copilot-job-corpus", Guid.NewGuid().ToString("N"));
        try
        {
            return (RunIn(_native, @case, path), RunIn(_fallback, @case, path));
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private static Outcome RunIn(PackedTool tool, Case @case, string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        RepositoryPaths.CopyExample(path);
        @case.Change(Workspace.At(path));
        var before = Snapshot(path);
        var run = tool.Run(path, @case.Args);
        var files = Snapshot(path).Where(f => !before.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value))
            .ToDictionary(f => f.Key, f => f.Value);
        return new Outcome(run, files);
    }

    private static SortedDictionary<string, byte[]> Snapshot(string directory) =>
        new(Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
