using System.Reflection;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Tool.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Copilot.Tool.Tests;

/// <summary>The <c>package</c> command run in-process on a copy of the example workspace.</summary>
public class PackageCommandTests
{
    private Workspace _workspace = null!;

    [SetUp]
    public void CopyExample() => _workspace = Workspace.CopyOfExample();

    [TearDown]
    public void DeleteCopy() => _workspace.Dispose();

    [Test]
    public async Task Prints_only_the_template_on_stdout()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var template = ParseYaml(run.Stdout);
        Assert.That(template.Children.Keys.Select(k => k.ToString()), Is.SupersetOf(new[] { "AWSTemplateFormatVersion", "Parameters", "Resources" }));
        Assert.That(run.Stderr, Does.Contain("Using records for environment test from copilot/.records.yml."));
    }

    [Test]
    public async Task Output_dir_writes_the_stack_and_yaml_params()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "prod", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Is.Empty);
        var files = Directory.GetFiles(_workspace.File("out")).Select(Path.GetFileName).Order();
        Assert.That(files, Is.EqualTo(new[] { "report-generator-prod.params.yml", "report-generator-prod.stack.yml" }));
        var parameters = (YamlMappingNode)ParseYaml(File.ReadAllText(_workspace.File("out/report-generator-prod.params.yml")))["Parameters"];
        Assert.That(parameters["TaskCPU"].ToString(), Is.EqualTo("1024"));
        Assert.That(parameters["EnvName"].ToString(), Is.EqualTo("prod"));
    }

    [Test]
    public async Task Params_format_json_writes_copilots_params_file()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "out", "--params-format", "json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var json = File.ReadAllText(_workspace.File("out/report-generator-test.params.json"));
        Assert.That(json, Does.StartWith("{\n  \"Parameters\": {\n    \"AddonsTemplateURL\": \"\",").And.EndWith("}"));
    }

    [TestCase("--output-dir", "out")]
    [TestCase("--upload-assets", null)]
    public async Task Diff_is_refused_with_a_flag_that_writes(string flag, string? value)
    {
        string[] args = value is null
            ? ["package", "-n", "report-generator", "-e", "test", "--diff", flag]
            : ["package", "-n", "report-generator", "-e", "test", "--diff", flag, value];

        var run = await InProcessTool.RunAsync(_workspace.Path, args);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--diff").And.Contain(flag));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    [Test]
    public async Task A_built_image_without_upload_is_explained_and_a_useless_tag_is_a_warning()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--tag", "v1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("The ContainerImage parameter is empty: image.build is set and the assets were not uploaded.")
            .And.Contain("warning: --tag has no effect without --upload-assets"));
    }

    [Test]
    public async Task Offline_output_names_the_env_controller_code_it_did_not_upload_once()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        const string Bucket = "my-app-infrastru-pipelinebuiltartifactbuc-1example";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stdout, Does.Contain($"S3Bucket: {Bucket}").And.Contain($"S3Key: {EnvControllerCode.S3Key}"), "the template refers to it");
            Assert.That(run.Stderr.Split("did not upload").Length - 1, Is.EqualTo(1), "said once");
            Assert.That(run.Stderr, Does.Contain(
                "warning: the template refers to S3 objects this run did not upload; package with the assets uploaded to upload them "
                + "(and fill in their parameters), or copy them there yourself before you deploy:\n"
                + $"  s3://{Bucket}/manual/scripts/custom-resources/envcontrollerfunction/{EnvControllerCode.Sha256Hex}.zip: the env-controller Lambda code"));
        }
    }

    [Test]
    public async Task Unknown_job_is_a_user_error()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "resizer", "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("job 'resizer' does not exist in the workspace"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [TestCase("-e", "staging", "environment 'staging' is not in copilot/.records.yml (it has: prod, test)")]
    [TestCase("-a", "other-app", "application 'other-app' is not in copilot/.records.yml (it has: my-app)")]
    public async Task A_name_the_records_file_lacks_is_said_first_and_aws_is_not_asked_when_unconfigured(string flag, string value, string fact)
    {
        string[] args = flag == "-e" ? ["package", "-n", "report-generator", "-e", value] : ["package", "-n", "report-generator", "-e", "test", "-a", value];

        var run = await InProcessTool.RunAsync(_workspace.Path, args);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain($"✘ {fact}, and it could not be looked up in AWS: no AWS region is configured\n"));
            Assert.That(run.Stderr.Split('\n').Count(l => l.StartsWith('✘')), Is.EqualTo(1), "one error line");
            Assert.That(run.Stderr, Does.Contain("records export -e"), "says how to add it to the file");
            Assert.That(run.Stdout, Is.Empty);
        }
    }

    [Test]
    public async Task The_only_job_is_taken_with_a_notice()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Found only one job, defaulting to: report-generator"));
    }

    [Test]
    public async Task Several_environments_without_a_terminal_are_listed_in_the_error()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("prod, test").And.Contain("-e/--env"));
    }

    [Test]
    public async Task A_workspace_without_an_application_is_told_the_flag_that_names_one()
    {
        File.WriteAllText(_workspace.File("copilot/.workspace"), "# no application\n");

        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("✘ could not find an application attached to this workspace"));
            // The core's advice names no flag (CopilotJobErrorCode.ApplicationRequired); the tool words it with its own.
            Assert.That(run.Stderr, Does.Contain("Name the application with -a/--app, or add `application: <name>` to copilot/.workspace."));
        }
    }

    [Test]
    public async Task Several_environments_on_a_terminal_are_offered_in_a_prompt()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, null, "2\n", true, "package", "-n", "report-generator");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Contain("Which environment would you like to package this stack for?"));
        Assert.That(run.Stdout, Does.Contain("EnvVersion"));
    }

    [Test]
    public async Task A_bad_manifest_is_located_and_writes_nothing()
    {
        _workspace.Write("copilot/report-generator/manifest.yml", "name: report-generator\ntype: Scheduled Job\non:\n  schedule: \"* * 1 * SUN\"\nimage:\n  location: nginx\n");

        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "-n", "report-generator", "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("copilot/report-generator/manifest.yml:4:"));
        Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
    }

    [Test]
    public async Task Help_lists_every_flag()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--help");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        foreach (var flag in new[] { "-n|--name", "-e|--env", "-a|--app", "--output-dir", "--tag", "--upload-assets", "--diff", "--allow-downgrade", "-h|--help", "--strict", "--params-format" })
        {
            Assert.That(run.Stdout, Does.Contain(flag));
        }
    }

    [Test]
    public async Task Version_prints_the_version_and_commit_of_the_assembly()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "--version");

        // The informational version is MinVer's version, then "+" and the commit the SDK's SourceLink found.
        var informational = typeof(ToolApplication).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.That(informational, Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\+[0-9a-f]{40}$"));
        var (version, commit) = (informational.Split('+')[0], informational.Split('+')[1]);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout.Trim(), Is.EqualTo($"copilot-job {version} (commit {commit[..7]})"));
    }

    [Test]
    public async Task An_unknown_flag_is_a_user_error()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, "package", "--nope");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--nope"));
    }

    private static YamlMappingNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
