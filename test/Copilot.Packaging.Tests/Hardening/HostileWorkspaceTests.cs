using System.Diagnostics;
using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Adapters;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Output;
using Copilot.Packaging.Records;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Upload;
using Copilot.Testing;

namespace Copilot.Packaging.Tests.Hardening;

/// <summary>
/// Issue 13 (items 2, 3, 4, 7, 8, 12): hostile files and names in a workspace give a located user error (exit 1),
/// within seconds, and nothing is written or uploaded.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileWorkspaceTests
{
    private const string Job = "report-generator";
    private TempDirectory _temp = null!;
    private string _root = null!;

    private string Copilot => Path.Combine(_root, "copilot");

    private string Out => Path.Combine(_temp.Path, "out");

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _root = Path.Combine(_temp.Path, "ws");
        RepositoryPaths.CopyExample(_root);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    // (2) Special files.
    [TestCase("copilot/report-generator/manifest.yml", "copilot/report-generator/manifest.yml")]
    [TestCase("copilot/.records.yml", "copilot/.records.yml")]
    [TestCase("copilot/.workspace", "copilot/.workspace")]
    [TestCase("copilot/report-generator/addons/db.yml", "copilot/report-generator/addons/db.yml")]
    [CancelAfter(20_000)]
    public void A_fifo_input_is_refused_quickly_with_its_path(string relative, string shown)
    {
        MakeFifo(Path.Combine(_root, relative));

        var error = Refused(out var elapsed);

        Assert.That(error.Describe(), Does.StartWith($"{shown}:1:1: read file at \"{shown}\": it is a FIFO (named pipe), not a regular file"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        AssertNothingWritten();
    }

    [Test]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        var manifest = Path.Combine(Copilot, Job, "manifest.yml");
        File.Delete(manifest);
        File.CreateSymbolicLink(manifest, "/dev/zero");

        var error = Refused(out var elapsed);

        Assert.That(error.Describe(), Does.Contain("it is a character device, not a regular file"));
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        AssertNothingWritten();
    }

    [Test]
    public void The_size_cap_holds_while_reading()
    {
        var big = Path.Combine(_temp.Path, "big.yml");
        File.WriteAllBytes(big, new byte[1000]);

        var error = Assert.Throws<CopilotJobException>(() => InputFiles.ReadBytes(new FileSystem(), big, "big.yml", maxBytes: 999));

        Assert.That(error.Describe(), Is.EqualTo("big.yml:1:1: read file at \"big.yml\": the file is larger than 999 bytes, the most accepted"));
    }

    [Test]
    public void A_broken_or_hostile_other_workload_does_not_fail_packaging_the_named_job()
    {
        Directory.CreateDirectory(Path.Combine(Copilot, "broken"));
        File.WriteAllText(Path.Combine(Copilot, "broken", "manifest.yml"), "name: [unclosed\n");
        Directory.CreateDirectory(Path.Combine(Copilot, "piped"));
        MakeFifo(Path.Combine(Copilot, "piped", "manifest.yml"));

        var result = Package(new JobPackageRequest { WorkingDirectory = _root, JobName = Job, EnvironmentName = "test" });

        Assert.That(result.TemplateText, Does.Contain("AWS::StepFunctions::StateMachine"));
    }

    [Test]
    public void The_named_job_is_still_checked_for_its_type()
    {
        Directory.CreateDirectory(Path.Combine(Copilot, "api"));
        File.WriteAllText(Path.Combine(Copilot, "api", "manifest.yml"), "name: api\ntype: Load Balanced Web Service\n");

        var error = Refused(new JobPackageRequest { WorkingDirectory = _root, JobName = "api", EnvironmentName = "test" });

        Assert.That(error.Describe(), Is.EqualTo("copilot/api/manifest.yml:2:7: workload 'api' is a Load Balanced Web Service, not a Scheduled Job: this tool packages Scheduled Jobs only"));
    }

    // (4) Names.
    [Test]
    public void An_environment_name_that_climbs_out_of_the_output_directory_is_refused_where_it_is_written()
    {
        var records = Path.Combine(Copilot, ".records.yml");
        File.WriteAllText(records, File.ReadAllText(records).Replace("  test:\n", "  x/../../../../escaped:\n", StringComparison.Ordinal));

        var error = Refused(new JobPackageRequest { WorkingDirectory = _root, JobName = Job, EnvironmentName = "x/../../../../escaped", Mode = new PackageMode.WriteFiles { OutputDirectory = Out } });

        Assert.That(error.Describe(), Does.StartWith("-e/--env").Or.Contain("copilot/.records.yml:"));
        Assert.That(error.Message, Does.Contain("environment name \"x/../../../../escaped\""));
        AssertNothingWritten();
        Assert.That(Directory.GetFiles(_temp.Path, "*.yml", SearchOption.AllDirectories).Where(f => f.Contains("escaped", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void A_records_file_with_a_bad_environment_name_is_located()
    {
        var records = Path.Combine(Copilot, ".records.yml");
        File.WriteAllText(records, File.ReadAllText(records).Replace("  prod:\n", "  ../prod:\n", StringComparison.Ordinal));

        var error = Refused();

        Assert.That(error.Describe(), Does.Match(@"^copilot/\.records\.yml:\d+:3: environment name ""\.\./prod"" from copilot/\.records\.yml is invalid"));
    }

    [TestCase("Upper")]
    [TestCase("a--b")]
    [TestCase("trailing-")]
    [TestCase("../x")]
    public void Names_from_flags_follow_copilots_rule(string name)
    {
        var error = Refused(new JobPackageRequest { WorkingDirectory = _root, JobName = Job, EnvironmentName = name, Mode = new PackageMode.WriteFiles { OutputDirectory = Out } });

        Assert.That(error.Message, Does.StartWith($"environment name \"{name}\" is invalid"));
        AssertNothingWritten();
    }

    [Test]
    public void The_output_writer_refuses_names_that_leave_the_directory()
    {
        var error = Assert.Throws<CopilotJobException>(() =>
            new AtomicFileWriter(new FileSystem()).WriteAll(Out, [new OutputFile("ok.yml", "a"), new OutputFile("../escaped.yml", "b")]));

        Assert.That(error.Message, Does.StartWith("refusing to write \"../escaped.yml\": the name would leave the output directory"));
        Assert.That(Directory.Exists(Out), Is.False);
        Assert.That(File.Exists(Path.Combine(_temp.Path, "escaped.yml")), Is.False);
    }

    // (7) Output.
    [Test]
    public void A_failed_run_leaves_no_directory_it_created_and_no_temporary()
    {
        var nested = Path.Combine(_temp.Path, "a", "b", "c");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new AtomicFileWriter(new FileSystem()).WriteAll(nested, [new OutputFile("x.yml", "x")], cancel.Token));

        Assert.That(Directory.Exists(Path.Combine(_temp.Path, "a")), Is.False);
    }

    [Test]
    public void A_failing_rename_undoes_the_files_already_replaced()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "a.yml"), "old a\n");
        File.WriteAllText(Path.Combine(Out, "b.yml"), "old b\n");
        Directory.CreateDirectory(Path.Combine(Out, "c.yml"));

        Assert.Throws<CopilotJobException>(() => new AtomicFileWriter(new FileSystem()).WriteAll(
            Out, [new OutputFile("a.yml", "new a\n"), new OutputFile("b.yml", "new b\n"), new OutputFile("c.yml", "new c\n")]));

        Assert.That(File.ReadAllText(Path.Combine(Out, "a.yml")), Is.EqualTo("old a\n"));
        Assert.That(File.ReadAllText(Path.Combine(Out, "b.yml")), Is.EqualTo("old b\n"));
        Assert.That(Directory.GetFileSystemEntries(Out).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "a.yml", "b.yml", "c.yml" }));
    }

    [Test]
    public void The_mode_of_a_replaced_file_is_kept()
    {
        Directory.CreateDirectory(Out);
        var target = Path.Combine(Out, "a.yml");
        File.WriteAllText(target, "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        new AtomicFileWriter(new FileSystem()).WriteAll(Out, [new OutputFile("a.yml", "new\n")]);

        Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
        Assert.That(File.ReadAllText(target), Is.EqualTo("new\n"));
    }

    [Test]
    public async Task Concurrent_runs_into_one_directory_each_leave_a_consistent_set()
    {
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (var round = 0; round < 10; round++)
            {
                var tag = $"{i}-{round}";
                new AtomicFileWriter(new FileSystem()).WriteAll(Out, [new OutputFile("a.stack.yml", tag), new OutputFile("a.params.yml", tag), new OutputFile("a.addons.stack.yml", tag)]);
                var set = new[] { "a.stack.yml", "a.params.yml", "a.addons.stack.yml" }.Select(f => File.ReadAllText(Path.Combine(Out, f))).Distinct().Count();
                Assert.That(set, Is.GreaterThanOrEqualTo(1));
            }
        })).ToList();
        await Task.WhenAll(writers);

        var contents = new[] { "a.stack.yml", "a.params.yml", "a.addons.stack.yml" }.Select(f => File.ReadAllText(Path.Combine(Out, f))).Distinct().ToList();
        Assert.That(contents, Has.Count.EqualTo(1), "all three files come from the same run");
        Assert.That(Directory.GetFiles(Out).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "a.addons.stack.yml", "a.params.yml", "a.stack.yml" }));
    }

    // (8) Environment failures are user errors.
    [Test]
    public void A_manifest_link_loop_is_a_located_user_error()
    {
        var manifest = Path.Combine(Copilot, Job, "manifest.yml");
        File.Delete(manifest);
        File.CreateSymbolicLink(manifest, manifest + ".2");
        File.CreateSymbolicLink(manifest + ".2", manifest);

        var error = Refused();

        Assert.That(error.Describe(), Does.StartWith($"copilot/{Job}/manifest.yml:1:1: read file at \"copilot/{Job}/manifest.yml\": "));
    }

    [Test]
    public void A_dangling_manifest_link_is_a_located_user_error()
    {
        var manifest = Path.Combine(Copilot, Job, "manifest.yml");
        File.Delete(manifest);
        File.CreateSymbolicLink(manifest, Path.Combine(_temp.Path, "gone.yml"));

        var error = Refused();

        Assert.That(error.Describe(), Does.StartWith($"copilot/{Job}/manifest.yml:1:1: read file at \"copilot/{Job}/manifest.yml\": it is a symbolic link to"));
        Assert.That(error.Message, Does.EndWith("which does not exist"));
    }

    [Test]
    public void An_unreadable_manifest_is_a_located_user_error()
    {
        var fileSystem = new DenyingFileSystem(path => path.EndsWith("manifest.yml", StringComparison.Ordinal));

        var error = Assert.ThrowsAsync<CopilotJobException>(() => Packager(fileSystem).PackageAsync(Request(), CancellationToken.None));

        Assert.That(error!.Describe(), Is.EqualTo($"copilot/{Job}/manifest.yml:1:1: read file at \"copilot/{Job}/manifest.yml\": permission denied"));
    }

    [Test]
    public void An_unreadable_copilot_directory_is_a_user_error()
    {
        var fileSystem = new DenyingFileSystem(_ => false, denyListing: true);

        var error = Assert.Throws<CopilotJobException>(() => new WorkspaceCatalog(fileSystem).ListJobs(_root, null));

        Assert.That(error!.Message, Is.EqualTo("list the workloads in copilot/: permission denied"));
    }

    [Test]
    public async Task Failing_and_malformed_credential_process_answers_are_credential_failures()
    {
        var failing = _temp.Write("fail.sh", "#!/bin/sh\necho boom >&2\nexit 3\n");
        var garbage = _temp.Write("garbage.sh", "#!/bin/sh\necho 'not json'\n");
        File.SetUnixFileMode(failing, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(garbage, (UnixFileMode)0x1ED);

        foreach (var script in new[] { failing, garbage, Path.Combine(_temp.Path, "missing.sh") })
        {
            Exception? thrown = null;
            try
            {
                await new Amazon.Runtime.ProcessAWSCredentials(script).GetCredentialsAsync();
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            Assert.That(thrown, Is.Not.Null, script);
            Assert.That(global::Copilot.Packaging.Aws.Http.AwsHttpSender.IsCredentialFailure(thrown!), Is.True, $"{script}: {thrown!.GetType()}");
        }
    }

    // (3) Confinement.
    [TestCase("env_file: ../x.env", "env_file \"../x.env\" is outside the workspace", "env_file")]
    [TestCase("env_file: /etc/passwd.env", "env_file \"/etc/passwd.env\" is outside the workspace", "env_file")]
    public void Local_paths_outside_the_workspace_are_refused_before_any_upload(string line, string message, string field)
    {
        AppendToManifest(line);
        var aws = new RecordingAws();

        var error = Refused(Request() with { Mode = new PackageMode.WriteFiles { OutputDirectory = Out, Assets = new AssetUpload() } }, aws);

        Assert.That(error.Describe(), Does.Match($@"^copilot/{Job}/manifest\.yml:\d+:\d+: {System.Text.RegularExpressions.Regex.Escape(message)}"));
        Assert.That(aws.Uploads, Is.Zero);
        AssertNothingWritten();
    }

    [Test]
    public void An_env_file_linking_outside_the_workspace_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "secrets.env"), "/etc/passwd");
        AppendToManifest("env_file: secrets.env");
        var aws = new RecordingAws();

        var error = Refused(Request() with { Mode = new PackageMode.Print { Assets = new AssetUpload() } }, aws);

        Assert.That(error.Message, Does.Contain("env_file \"secrets.env\" is outside the workspace").And.Contain("through a symbolic link, to \"/etc/passwd\""));
        Assert.That(aws.Uploads, Is.Zero);
    }

    [Test]
    public void A_dockerfile_outside_the_workspace_is_refused_at_its_field()
    {
        var manifest = Path.Combine(Copilot, Job, "manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("build: report-generator/Dockerfile", "build: /etc/passwd", StringComparison.Ordinal));
        var aws = new RecordingAws();

        var error = Refused(Request() with { Mode = new PackageMode.Print { Assets = new AssetUpload() } }, aws);

        Assert.That(error.Describe(), Does.StartWith($"copilot/{Job}/manifest.yml:12:10: the Dockerfile of container \"{Job}\" \"/etc/passwd\" is outside the workspace"));
        Assert.That(aws.Uploads, Is.Zero);
    }

    [Test]
    public void An_addons_asset_outside_the_workspace_is_refused_at_its_line()
    {
        AddAddons("Code: /proc/self/environ");
        var aws = new RecordingAws();

        var error = Refused(Request() with { Mode = new PackageMode.Print { Assets = new AssetUpload() } }, aws);

        Assert.That(error.Describe(), Does.StartWith($"copilot/{Job}/addons/fn.yml:12:13: the addons asset at Resources.Fn.Properties.Code \"/proc/self/environ\" is outside the workspace"));
        Assert.That(aws.Uploads, Is.Zero);
    }

    [Test]
    public void The_opt_out_widens_the_root_explicitly()
    {
        var shared = Path.Combine(_temp.Path, "shared");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "x.env"), "A=1\n");
        AppendToManifest("env_file: ../shared/x.env");
        var aws = new RecordingAws();

        Package(Request() with { Mode = new PackageMode.Print { Assets = new AssetUpload() }, AllowedOutsideWorkspace = [shared] }, aws);

        Assert.That(aws.Uploads, Is.EqualTo(1));
        Assert.That(aws.LastRequest!.AllowedOutsideWorkspace, Is.EqualTo(new[] { shared }));
    }

    [Test]
    public void A_zipped_directory_refuses_links_that_leave_it()
    {
        var code = Path.Combine(_root, "fn");
        Directory.CreateDirectory(code);
        File.WriteAllText(Path.Combine(code, "index.js"), "x");
        File.CreateSymbolicLink(Path.Combine(code, "passwd"), "/etc/passwd");

        var error = Assert.Throws<CopilotJobException>(() => AssetArchive.Zip(new FileSystem(), code, "fn"));

        Assert.That(error.Message, Does.StartWith("\"fn/passwd\" is a symbolic link to \"/etc/passwd\", outside the directory \"fn\" being zipped"));
    }

    [Test]
    public void A_docker_build_context_outside_the_workspace_is_refused_at_the_read_site_too()
    {
        var build = new global::Copilot.Packaging.Manifest.Model.BuildConfig { DockerfilePath = "/etc/passwd" };

        var error = Assert.Throws<CopilotJobException>(() => DockerBuildCommand.Locate(new FileSystem(), build, _root, Job));

        Assert.That(error.Message, Does.Contain("is outside the workspace"));
    }

    // (12) Small ones.
    [Test]
    public void An_empty_manifest_says_so()
    {
        File.WriteAllText(Path.Combine(Copilot, Job, "manifest.yml"), "# nothing yet\n");

        var error = Refused();

        Assert.That(error.Describe(), Is.EqualTo($"copilot/{Job}/manifest.yml:1:1: the manifest is empty; expected a map with at least name, type, image and on.schedule"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void An_empty_output_directory_is_refused(string value)
    {
        var error = Refused(Request() with { Mode = new PackageMode.WriteFiles { OutputDirectory = value } });

        Assert.That(error.Message, Is.EqualTo("the output directory is empty: name the directory to write to"));
        Assert.That(Directory.GetFiles(_root, "*.stack.yml", SearchOption.AllDirectories), Is.Empty);
    }

    [TestCase("-bad")]
    [TestCase("has space")]
    [TestCase("a/b")]
    public void A_tag_docker_refuses_is_refused(string tag)
    {
        var error = Refused(Request() with { Mode = new PackageMode.Print { Assets = new AssetUpload { Tag = tag } } }, new RecordingAws());

        Assert.That(error.Message, Does.StartWith("AssetUpload.Tag value is not a valid image tag"));
    }

    [Test]
    public void Image_locations_and_variable_names_are_checked_where_they_are_written()
    {
        var manifest = Path.Combine(Copilot, Job, "manifest.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest)
            .Replace("  build: report-generator/Dockerfile\n", "  location: Not/A Valid:image\n", StringComparison.Ordinal)
            .Replace("  LOG_LEVEL: info\n", "  LOG_LEVEL: info\n  \"A=B\": x\n", StringComparison.Ordinal));

        var error = Refused();

        Assert.That(error.Diagnostics.Select(d => d.ToString()), Has.Some.Match($@"^copilot/{Job}/manifest\.yml:12:13: .*image\.location.* is not a valid image reference")
            .Or.Some.Contains("is not a valid image reference"));
        Assert.That(error.Diagnostics.Select(d => d.ToString()), Has.Some.Contains("is not a valid environment variable name"));
    }

    [TestCase("public.ecr.aws/amazonlinux/amazonlinux:2023", true)]
    [TestCase("123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/job@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [TestCase("localhost:5000/a__b/c-d.e:v1", true)]
    [TestCase("busybox", true)]
    [TestCase("Busybox", false)]
    [TestCase("a b", false)]
    [TestCase("repo:-tag", false)]
    [TestCase("", false)]
    public void Image_reference_grammar(string reference, bool valid) =>
        Assert.That(ImageReferences.IsValidReference(reference), Is.EqualTo(valid));

    [Test]
    public void A_transform_map_is_accepted_and_merged()
    {
        var addons = Path.Combine(Copilot, Job, "addons");
        Directory.CreateDirectory(addons);
        const string include = "Transform:\n  Name: AWS::Include\n  Parameters:\n    Location: s3://bucket/snippet.yml\n";
        File.WriteAllText(Path.Combine(addons, "a.yml"), AddonsParameters() + include + "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");
        File.WriteAllText(Path.Combine(addons, "b.yml"), include + "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        File.WriteAllText(Path.Combine(addons, "c.yml"), "Transform: AWS::Serverless-2016-10-31\n");

        var merged = AddonsReader.Read(new FileSystem(), addons, $"copilot/{Job}/addons")!;

        var transform = (YamlDotNet.RepresentationModel.YamlSequenceNode)merged.Template["Transform"];
        Assert.That(transform.Children, Has.Count.EqualTo(2));
        Assert.That(((YamlDotNet.RepresentationModel.YamlMappingNode)transform.Children[0])["Name"].ToString(), Is.EqualTo("AWS::Include"));
        Assert.That(transform.Children[1].ToString(), Is.EqualTo("AWS::Serverless-2016-10-31"));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Cancelling_a_docker_build_kills_the_build_and_its_children()
    {
        var bin = Path.Combine(_temp.Path, "bin");
        Directory.CreateDirectory(bin);
        var pidFile = Path.Combine(_temp.Path, "build.pid");
        var docker = Path.Combine(bin, "docker");
        File.WriteAllText(docker, $"#!/bin/sh\nsleep 300 &\necho $! > '{pidFile}'\nwait\n");
        File.SetUnixFileMode(docker, (UnixFileMode)0x1ED);
        var runner = new ProcessRunner(new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["PATH"] = $"{bin}:/usr/bin:/bin" }));
        using var cancel = new CancellationTokenSource();

        var build = runner.RunAsync("docker", ["build", "."], _root, null, cancel.Token);
        while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile)).Trim().Length == 0)
        {
            await Task.Delay(50);
        }

        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        Assert.That(async () => await build, Throws.InstanceOf<OperationCanceledException>());
        // SIGKILL is delivered asynchronously: give the grandchild a moment to die.
        while (IsAlive(child) && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.That(IsAlive(child), Is.False, "the build's child process was killed");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string AddonsParameters() =>
        "Parameters:\n  App:\n    Type: String\n  Env:\n    Type: String\n  Name:\n    Type: String\n";

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]))!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero);
    }

    private void AppendToManifest(string line) =>
        File.AppendAllText(Path.Combine(Copilot, Job, "manifest.yml"), line + "\n");

    private void AddAddons(string codeLine)
    {
        var addons = Path.Combine(Copilot, Job, "addons");
        Directory.CreateDirectory(addons);
        File.WriteAllText(Path.Combine(addons, "fn.yml"), AddonsParameters() + $"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      {codeLine}\n      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/x\n      Runtime: nodejs22.x\n");
    }

    private JobPackageRequest Request() =>
        new() { WorkingDirectory = _root, JobName = Job, EnvironmentName = "test" };

    private CopilotJobException Refused(JobPackageRequest? request = null, RecordingAws? aws = null) => Refused(out _, request, aws);

    private CopilotJobException Refused(out TimeSpan elapsed, JobPackageRequest? request = null, RecordingAws? aws = null)
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<CopilotJobException>(() => Packager(new FileSystem(), aws).PackageAsync(request ?? Request() with { Mode = new PackageMode.WriteFiles { OutputDirectory = Out } }, CancellationToken.None));
        elapsed = watch.Elapsed;
        return error!;
    }

    private PackageResult Package(JobPackageRequest request, RecordingAws? aws = null) =>
        Packager(new FileSystem(), aws).PackageAsync(request, CancellationToken.None).GetAwaiter().GetResult();

    private static JobPackager Packager(IFileSystem fileSystem, RecordingAws? aws = null) =>
        new(fileSystem, new DictionaryEnvironmentVariables(new Dictionary<string, string>()), NullPackagingReporter.Instance, aws?.Ports);

    private void AssertNothingWritten() =>
        Assert.That(Directory.Exists(Out), Is.False, "no output directory was created");

    /// <summary>An AWS side that answers nothing but counts upload requests; the workspace records are used.</summary>
    private sealed class RecordingAws : IDeployedStacks, ISubnetLookup, IAssetPublisher
    {
        public int Uploads { get; private set; }

        public UploadRequest? LastRequest { get; private set; }

        public AwsPorts Ports => new(() => throw new AssertionException("records come from the workspace"), this, this, this);

        public Task<IDeployedStackSource> ForEnvironmentAsync(EnvironmentRecord environment, CancellationToken cancellationToken) =>
            throw new AssertionException("no deployed stack is read");

        public Task<IReadOnlyList<string>> ResolveSubnetsAsync(EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken) =>
            throw new AssertionException("no subnets are resolved");

        public Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken)
        {
            Uploads++;
            LastRequest = request;
            return Task.FromResult(new UploadResult { ContainerImage = "x", EnvControllerCode = global::Copilot.Packaging.Synthesis.EnvController.EnvControllerCode.Locate("b") });
        }
    }
}
