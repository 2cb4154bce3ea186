using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Testing.Moto;
using Copilot.Testing.Tools;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>
/// Image builds of <c>--upload-assets</c>: the real <see cref="Adapters.ProcessRunner"/> runs a recording docker
/// script; ECR (repository lookup, login token) and S3 are moto.
/// </summary>
[TestFixture]
public sealed class ImageUploadTests
{
    private const string Repo = UploadScene.Repository;
    private const string Digest = FakeToolbox.Digest;

    private MotoServer server = null!;
    private UploadScene scene = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await MotoServer.StartAsync();
        await new CopilotWorld(server).SeedAsync();
    }

    [OneTimeTearDown]
    public void StopMoto() => server?.Dispose();

    [SetUp]
    public void CreateScene()
    {
        scene = new UploadScene(server);
        scene.Write("report/Dockerfile", "FROM alpine\n");
        scene.Write("sidecars/nginx/Dockerfile", "FROM nginx\n");
    }

    [TearDown]
    public void DeleteScene() => scene.Dispose();

    [Test]
    public async Task Main_and_sidecar_builds_run_docker_with_copilots_arguments_in_order()
    {
        var manifest = new ScheduledJobManifest
        {
            Name = "report",
            Platform = new PlatformConfig { Text = "linux/arm64" },
            Image = new ImageConfig
            {
                Build = new BuildConfig
                {
                    Dockerfile = "report/Dockerfile",
                    Context = ".",
                    Target = "prod",
                    CacheFrom = ["cache:1", "cache:2"],
                    Args = new Dictionary<string, string> { ["ZETA"] = "z", ["ALPHA"] = "a b" },
                },
            },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = new() { ImageBuild = new BuildConfig { DockerfilePath = "sidecars/nginx/Dockerfile" } },
                ["pulled"] = new() { ImageLocation = "public.ecr.aws/nginx:latest" },
            },
        };

        var result = await scene.UploadAsync(scene.Request(manifest));

        var root = scene.WorkspaceRoot;
        string[][] expected =
        [
            ["info", "-f", "{{json .}}"],
            ["login", "-u", "AWS", "--password-stdin", Repo],
            [
                "build", "-t", $"{Repo}:latest", "--cache-from", "cache:1", "--cache-from", "cache:2", "--target", "prod",
                "--platform", "linux/arm64", "--build-arg", "ALPHA=a b", "--build-arg", "ZETA=z",
                "--label", "com.aws.copilot.image.builder=copilot-job", "--label", "com.aws.copilot.image.container.name=report",
                "--label", "com.aws.copilot.image.version=v1.35.0", root, "-f", Path.Combine(root, "report", "Dockerfile"),
            ],
            ["push", $"{Repo}:latest"],
            ["inspect", "--format", "{{json (index .RepoDigests 0)}}", $"{Repo}:latest"],
            [
                "build", "-t", $"{Repo}:nginx-latest", "--platform", "linux/arm64",
                "--label", "com.aws.copilot.image.builder=copilot-job", "--label", "com.aws.copilot.image.container.name=nginx",
                "--label", "com.aws.copilot.image.version=v1.35.0", Path.Combine(root, "sidecars", "nginx"), "-f", Path.Combine(root, "sidecars", "nginx", "Dockerfile"),
            ],
            ["push", $"{Repo}:nginx-latest"],
            ["inspect", "--format", "{{json (index .RepoDigests 0)}}", $"{Repo}:nginx-latest"],
        ];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scene.Toolbox.DockerCalls, Is.EqualTo(expected));
            Assert.That(scene.Toolbox.Calls, Does.Contain("stdin:123456789012-auth-token"), "the ECR password goes to docker login on stdin");
            Assert.That(result.ContainerImage, Is.EqualTo($"{Repo}@{Digest}"));
            Assert.That(result.SidecarImages, Is.EqualTo(new Dictionary<string, string> { ["nginx"] = $"{Repo}@{Digest}" }));
            Assert.That(scene.Reporter.Infos, Does.Contain($"Building your container image \"report\": docker {string.Join(' ', expected[2])}"));
        }
    }

    [Test]
    public async Task Tag_flag_tags_the_main_image_and_the_git_tag_tags_sidecars()
    {
        scene.Toolbox.GitCheckout("v1.2.0-3-gabc1234");

        var result = await scene.UploadAsync(scene.Request(MainAndSidecar(), tag: "release-9"));

        var builds = scene.Toolbox.DockerCalls.Where(c => c[0] == "build").Select(Tags);
        var pushes = scene.Toolbox.DockerCalls.Where(c => c[0] == "push").Select(c => c[1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(builds, Is.EqualTo(new[]
            {
                new[] { $"{Repo}:latest", $"{Repo}:release-9" },
                new[] { $"{Repo}:nginx-latest", $"{Repo}:nginx-v1.2.0-3-gabc1234" },
            }));
            Assert.That(pushes, Is.EqualTo(new[] { $"{Repo}:latest", $"{Repo}:release-9", $"{Repo}:nginx-latest", $"{Repo}:nginx-v1.2.0-3-gabc1234" }));
            Assert.That(result.ContainerImage, Is.EqualTo($"{Repo}:release-9"));
            Assert.That(result.SidecarImages["nginx"], Is.EqualTo($"{Repo}:nginx-v1.2.0-3-gabc1234"));
        }
    }

    [Test]
    public async Task A_clean_git_checkout_tags_the_main_image_with_git_describe()
    {
        scene.Toolbox.GitCheckout("abc1234");

        var result = await scene.UploadAsync(scene.Request(MainOnly()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tags(scene.Toolbox.DockerCalls.Single(c => c[0] == "build")), Is.EqualTo(new[] { $"{Repo}:latest", $"{Repo}:abc1234" }));
            Assert.That(result.ContainerImage, Is.EqualTo($"{Repo}:abc1234"));
            Assert.That(scene.Toolbox.Calls.Where(c => c.StartsWith("git", StringComparison.Ordinal)), Is.EqualTo(new[] { "git\tdescribe\t--always", "git\tstatus\t--porcelain" }));
        }
    }

    [Test]
    public async Task A_dirty_git_checkout_gives_no_tag_and_the_image_is_pinned_by_digest()
    {
        scene.Toolbox.GitCheckout("abc1234", status: " M report/main.go\n");

        var result = await scene.UploadAsync(scene.Request(MainOnly()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Tags(scene.Toolbox.DockerCalls.Single(c => c[0] == "build")), Is.EqualTo(new[] { $"{Repo}:latest" }));
            Assert.That(result.ContainerImage, Is.EqualTo($"{Repo}@{Digest}"));
        }
    }

    [Test]
    public async Task In_CI_builds_print_plain_progress_and_pushes_are_quiet()
    {
        scene.SetVariable("CI", "true");

        await scene.UploadAsync(scene.Request(MainOnly()));

        var build = scene.Toolbox.DockerCalls.Single(c => c[0] == "build");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Join(' ', build), Does.Contain($"-t {Repo}:latest --progress plain --label com.aws.copilot.image.builder=copilot-job"));
            Assert.That(scene.Toolbox.DockerCalls.Where(c => c[0] == "push"), Is.EqualTo(new[] { new[] { "push", $"{Repo}:latest", "--quiet" } }));
        }
    }

    [Test]
    public async Task Without_CI_there_is_no_progress_flag_and_no_quiet_push()
    {
        scene.SetVariable("CI", "1");

        await scene.UploadAsync(scene.Request(MainOnly()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scene.Toolbox.DockerCalls.Single(c => c[0] == "build"), Does.Not.Contain("--progress"));
            Assert.That(scene.Toolbox.DockerCalls.Single(c => c[0] == "push"), Does.Not.Contain("--quiet"));
        }
    }

    [TestCase("""{"credsStore": "ecr-login"}""")]
    [TestCase("""{"credHelpers": {"123456789012.dkr.ecr.us-west-2.amazonaws.com": "ecr-login"}}""")]
    public async Task Login_is_skipped_when_docker_uses_the_ecr_credential_helper(string config)
    {
        Directory.CreateDirectory(Path.Combine(scene.Home, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(scene.Home, ".docker", "config.json"), config);

        await scene.UploadAsync(scene.Request(MainOnly()));

        Assert.That(scene.Toolbox.DockerCalls.Select(c => c[0]), Is.EqualTo(new[] { "info", "build", "push", "inspect" }));
    }

    [Test]
    public async Task A_credential_helper_for_another_registry_still_logs_in()
    {
        Directory.CreateDirectory(Path.Combine(scene.Home, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(scene.Home, ".docker", "config.json"), """{"credHelpers": {"public.ecr.aws": "ecr-login"}}""");

        await scene.UploadAsync(scene.Request(MainOnly()));

        Assert.That(scene.Toolbox.DockerCalls.Select(c => c[0]), Does.Contain("login"));
    }

    [Test]
    public void A_failing_build_reports_the_tail_of_its_stderr()
    {
        scene.Toolbox.FailBuilds();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(MainOnly())));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith("upload resources required for deployment for report: build and push the image \"report\": docker build exited with code 1:"));
            Assert.That(error.Message, Does.Contain("ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2"));
            Assert.That(error.Message, Does.Contain("build log line 30"));
            Assert.That(error.Message, Does.Not.Contain("build log line 11" + Environment.NewLine), "only the last 20 lines are quoted");
            Assert.That(scene.Toolbox.DockerCalls.Select(c => c[0]), Does.Not.Contain("push"));
        }
    }

    [Test]
    public void Docker_missing_from_PATH_is_a_clear_error()
    {
        scene.SetVariable("PATH", "/nonexistent");

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(MainOnly())));

        Assert.That(error.Message, Is.EqualTo("upload resources required for deployment for report: check if docker engine is running: docker executable not found in $PATH"));
    }

    [Test]
    public void A_daemon_that_is_not_running_is_a_clear_error()
    {
        scene.Toolbox.StopDaemon();

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(MainOnly())));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith("upload resources required for deployment for report: check if docker engine is running: docker daemon is not responsive: Cannot connect to the Docker daemon"));
            Assert.That(error.Recommendation, Does.Contain("Start Docker"));
        }
    }

    [Test]
    public async Task Nothing_to_build_never_runs_docker_or_git()
    {
        var manifest = new ScheduledJobManifest
        {
            Name = "report",
            Image = new ImageConfig { Location = "public.ecr.aws/alpine:3" },
            Sidecars = new Dictionary<string, SidecarConfig> { ["nginx"] = new() { ImageLocation = "nginx" } },
        };

        var result = await scene.UploadAsync(scene.Request(manifest));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scene.Toolbox.Calls, Is.Empty);
            Assert.That(result.ContainerImage, Is.Null);
            Assert.That(result.SidecarImages, Is.Empty);
        }
    }

    [Test]
    public async Task Without_a_regional_repository_the_job_repository_is_looked_up_in_ECR()
    {
        scene.Write("report-job/Dockerfile", "FROM alpine\n");
        var manifest = new ScheduledJobManifest { Name = "report-job", Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "report-job/Dockerfile" } } };

        var result = await scene.UploadAsync(scene.Request(manifest, repositories: new Dictionary<string, string>()));

        Assert.That(result.ContainerImage, Is.EqualTo($"123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-job@{Digest}"));
    }

    [Test]
    public void A_job_without_any_repository_is_a_clear_error()
    {
        var manifest = new ScheduledJobManifest { Name = "orphan", Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "report/Dockerfile" } } };

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(manifest, repositories: new Dictionary<string, string>())));

        Assert.That(error.Message, Is.EqualTo("upload resources required for deployment for orphan: get the ECR repository of job orphan: there is no repository my-app/orphan in region us-west-2"));
    }

    [Test]
    public void A_missing_Dockerfile_is_named_before_docker_builds()
    {
        var manifest = new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Build = new BuildConfig { Context = "nowhere" } } };

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(manifest)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo($"upload resources required for deployment for report: build and push the image \"report\": the Dockerfile {Path.Combine(scene.WorkspaceRoot, "nowhere", "Dockerfile")} of container \"report\" does not exist"));
            Assert.That(scene.Toolbox.DockerCalls.Select(c => c[0]), Does.Not.Contain("build"));
        }
    }

    private static string[] Tags(string[] build) =>
        [.. build.Select((arg, i) => (arg, i)).Where(p => p.arg == "-t").Select(p => build[p.i + 1])];

    private static ScheduledJobManifest MainOnly() => new()
    {
        Name = "report",
        Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "report/Dockerfile" } },
    };

    private static ScheduledJobManifest MainAndSidecar() => MainOnly() with
    {
        Sidecars = new Dictionary<string, SidecarConfig>
        {
            ["nginx"] = new() { ImageBuild = new BuildConfig { Context = "sidecars/nginx" } },
        },
    };
}
