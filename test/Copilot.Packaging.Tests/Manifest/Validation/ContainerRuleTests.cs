using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class ContainerRuleTests
{
    [Test]
    public void Variable_import_with_empty_name_is_refused()
    {
        var manifest = Valid(("variables.DB_NAME.from_cfn", 25, 15)) with
        {
            Variables = new Dictionary<string, VariableValue> { ["DB_NAME"] = VariableValue.Import(string.Empty) },
        };

        AssertError(SingleError(manifest), "variables.DB_NAME.from_cfn", $"{FilePath}:25:15", "name cannot be an empty string");
    }

    [Test]
    public void Sidecar_secret_import_with_empty_name_is_refused()
    {
        var manifest = Valid() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = Sidecar(s => s with { Secrets = new Dictionary<string, SecretValue> { ["PASS"] = SecretValue.Import(" ") } }),
            },
        };

        Assert.That(SingleError(manifest).FieldPath, Is.EqualTo("sidecars.nginx.secrets.PASS.from_cfn"));
    }

    [TestCase("app.env")]
    [TestCase("config/.env")]
    [TestCase("./dir.d/prod.env")]
    public void Env_files_with_the_env_extension_are_accepted(string path) =>
        AssertValid(Valid() with { EnvFile = path });

    [TestCase("app.env.bak")]
    [TestCase("app.ENV")]
    [TestCase("dir.env/app")]
    public void Env_files_without_the_env_extension_are_refused(string path) =>
        Assert.That(SingleError(Valid() with { EnvFile = path }).Message, Does.StartWith($"environment file {path} must have a .env file extension"));

    [Test]
    public void Log_router_and_sidecar_env_files_are_checked_too()
    {
        var manifest = Valid(("logging.env_file", 40, 13), ("sidecars.nginx.env_file", 50, 15)) with
        {
            Logging = new LoggingConfig { EnvFile = "log.txt" },
            Sidecars = new Dictionary<string, SidecarConfig> { ["nginx"] = Sidecar(s => s with { EnvFile = "nginx.cfg" }) },
        };

        var diagnostics = ManifestValidator.Validate(manifest);

        Assert.That(diagnostics, Has.Count.EqualTo(2));
        AssertError(diagnostics[0], "logging.env_file", $"{FilePath}:40:13", "environment file log.txt must have a .env file extension");
        AssertError(diagnostics[1], "sidecars.nginx.env_file", $"{FilePath}:50:15", "environment file nginx.cfg must have a .env file extension");
    }

    [Test]
    public void Sidecar_with_both_build_and_location_is_refused()
    {
        var manifest = WithSidecar(s => s with { ImageBuild = new BuildConfig { DockerfilePath = "Dockerfile" } });

        AssertError(SingleError(manifest), "sidecars.nginx.image.location", $"{FilePath}:1:1", "must specify one of \"build\" and \"location\", not both");
    }

    [Test]
    public void Sidecar_port_with_two_slashes_cannot_be_parsed()
    {
        var manifest = WithSidecar(s => s with { Port = "8080/tcp/udp" }, ("sidecars.nginx.port", 55, 11));

        AssertError(SingleError(manifest), "sidecars.nginx.port", $"{FilePath}:55:11", "cannot parse port mapping from 8080/tcp/udp");
    }

    [Test]
    public void Sidecar_port_protocol_must_be_tcp_or_udp()
    {
        var manifest = WithSidecar(s => s with { Port = "8080/sctp" }, ("sidecars.nginx.port", 55, 11));

        AssertError(SingleError(manifest), "sidecars.nginx.port", $"{FilePath}:55:11", "invalid protocol sctp; valid protocols include TCP and UDP");
    }

    [TestCase("8080/UDP")]
    [TestCase("53/udp")]
    [TestCase("80")]
    public void Sidecar_ports_with_tcp_or_udp_in_any_case_are_accepted(string port) =>
        AssertValid(WithSidecar(s => s with { Port = port }));

    [TestCase("http")]
    [TestCase("70000")]
    [TestCase("-1")]
    public void Sidecar_port_that_is_not_a_16_bit_number_is_refused(string port) =>
        Assert.That(SingleError(WithSidecar(s => s with { Port = port })).Message, Does.StartWith($"cannot parse port \"{port}\""));

    [Test]
    public void One_container_exposing_a_port_with_two_protocols_is_refused()
    {
        var collector = new DiagnosticCollector(Map(("sidecars.nginx.port", 7, 3)));

        Copilot.Packaging.Manifest.Validation.Rules.ExposedPortsRule.CheckUnique(
            [new("nginx", 8080, "TCP", "sidecars.nginx.port"), new("nginx", 8080, "UDP", "sidecars.nginx.port")],
            collector);

        Assert.That(collector.Diagnostics, Has.Count.EqualTo(1));
        AssertError(collector.Diagnostics[0], "sidecars.nginx.port", $"{FilePath}:7:3", "container \"nginx\" is exposing the same port 8080 with protocol TCP and UDP");
    }

    [Test]
    public void Mount_point_on_an_undefined_volume_is_refused()
    {
        var manifest = WithSidecar(s => s with { MountPoints = [new MountPointConfig { SourceVolume = "cache", Path = "/cache" }] });

        Assert.That(
            SingleError(manifest).Message,
            Does.StartWith("\"source_volume\" cache is not a volume under \"storage.volumes\" (none are defined)"));
    }

    [Test]
    public void Mount_point_on_a_volume_added_by_taskdef_overrides_is_accepted() =>
        AssertValid(WithSidecar(s => s with { MountPoints = [new MountPointConfig { SourceVolume = "cache", Path = "/cache" }] }) with
        {
            TaskDefOverrides = [new TaskDefOverride("Volumes[-].Name", null)],
        });

    [Test]
    public void Mount_point_path_follows_the_volume_path_rules()
    {
        var manifest = WithSidecar(s => s with { MountPoints = [new MountPointConfig { SourceVolume = "data", Path = "C:\\data" }] }) with
        {
            Storage = new StorageConfig { Volumes = new Dictionary<string, VolumeConfig> { ["data"] = new() { Path = "/data" } } },
        };

        Assert.That(SingleError(manifest).FieldPath, Is.EqualTo("sidecars.nginx.mount_points[0].path"));
    }

    [Test]
    public void Sidecar_named_like_the_job_is_refused()
    {
        var manifest = Valid(("sidecars.job", 45, 3)) with { Sidecars = new Dictionary<string, SidecarConfig> { ["job"] = Sidecar() } };

        AssertError(SingleError(manifest), "sidecars.job", $"{FilePath}:45:3", "sidecar \"job\" has the name of the main container");
    }

    [Test]
    public void Log_router_is_not_essential_so_any_status_is_accepted() =>
        AssertValid(Valid() with
        {
            Logging = new LoggingConfig { Image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable" },
            Image = new ImageConfig { Location = "nginx", DependsOn = new Dictionary<string, string> { ["firelens_log_router"] = "complete" } },
        });

    [Test]
    public void Non_essential_sidecar_accepts_complete_and_success()
    {
        var manifest = Valid() with
        {
            Image = new ImageConfig { Location = "nginx", DependsOn = new Dictionary<string, string> { ["migrate"] = "success", ["init"] = "COMPLETE" } },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["migrate"] = Sidecar(s => s with { Essential = false }),
                ["init"] = Sidecar(s => s with { Essential = false }),
            },
        };

        AssertValid(manifest);
    }

    [Test]
    public void Essential_sidecar_refuses_complete()
    {
        var manifest = Valid() with
        {
            Image = new ImageConfig { Location = "nginx", DependsOn = new Dictionary<string, string> { ["init"] = "complete" } },
            Sidecars = new Dictionary<string, SidecarConfig> { ["init"] = Sidecar() },
        };

        Assert.That(SingleError(manifest).Message, Does.StartWith("essential container init can only have status START or HEALTHY"));
    }

    [Test]
    public void Separate_cycles_are_each_reported()
    {
        var manifest = Valid() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["a"] = Sidecar(s => s with { Essential = false, DependsOn = new Dictionary<string, string> { ["b"] = "start" } }),
                ["b"] = Sidecar(s => s with { Essential = false, DependsOn = new Dictionary<string, string> { ["a"] = "start" } }),
                ["x"] = Sidecar(s => s with { Essential = false, DependsOn = new Dictionary<string, string> { ["y"] = "start" } }),
                ["y"] = Sidecar(s => s with { Essential = false, DependsOn = new Dictionary<string, string> { ["x"] = "start", ["a"] = "start" } }),
            },
        };

        var messages = ManifestValidator.Validate(manifest).Select(d => d.Message).ToList();

        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages, Has.Some.StartWith("circular container dependency chain includes the following containers: [a b]"));
        Assert.That(messages, Has.Some.StartWith("circular container dependency chain includes the following containers: [x y]"));
    }

    private static ScheduledJobManifest WithSidecar(Func<SidecarConfig, SidecarConfig> configure, params (string Path, int Line, int Column)[] locations) =>
        Valid(locations) with { Sidecars = new Dictionary<string, SidecarConfig> { ["nginx"] = Sidecar(configure) } };
}
