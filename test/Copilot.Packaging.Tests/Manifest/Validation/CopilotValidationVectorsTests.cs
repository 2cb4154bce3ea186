using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

/// <summary>The validation vectors T-VAL-01..30 of spec §9.7: copilot's meaning and key phrases, with our locations.</summary>
public class CopilotValidationVectorsTests
{
    private const string F = FilePath;

    private static readonly Dictionary<string, VolumeConfig> EfsVolume = new()
    {
        ["data"] = new VolumeConfig { Path = "/data", Efs = new EfsConfig { FileSystemId = "fs-1234" } },
    };

    [Test]
    public void T_VAL_01_image_with_both_build_and_location_is_refused()
    {
        var manifest = Valid(("image.location", 5, 13)) with
        {
            Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "Dockerfile" }, Location = "nginx" },
        };

        AssertError(SingleError(manifest), "image.location", $"{F}:5:13", "must specify one of \"build\" and \"location\"");
    }

    [Test]
    public void T_VAL_02_sidecar_without_image_is_reported_under_its_name()
    {
        var manifest = Valid(("sidecars.foo", 20, 3)) with
        {
            Sidecars = new Dictionary<string, SidecarConfig> { ["foo"] = new() { DependsOn = Map1("foo", "bar") } },
        };

        var diagnostics = ManifestValidator.Validate(manifest);

        var imageError = diagnostics.Single(d => d.FieldPath == "sidecars.foo.image");
        AssertError(imageError, "sidecars.foo.image", $"{F}:20:3", "must specify one of \"image\", \"image.build\", or \"image.location\"");
        Assert.That(diagnostics.Select(d => d.FieldPath), Has.All.StartWith("sidecars.foo"));
    }

    [Test]
    public void T_VAL_03_empty_placement_is_refused()
    {
        var manifest = Valid(("network.vpc.placement", 30, 16)) with
        {
            Network = new NetworkConfig { Placement = string.Empty, PlacementSpecified = true },
        };

        AssertError(SingleError(manifest), "network.vpc.placement", $"{F}:30:16", "\"placement\" cannot be empty");
    }

    [Test]
    public void T_VAL_04_missing_schedule_is_located_at_the_on_block()
    {
        var manifest = Valid(("on", 9, 1)) with { Schedule = null };

        AssertError(SingleError(manifest), "on.schedule", $"{F}:9:1", "\"schedule\" must be specified");
    }

    [Test]
    public void T_VAL_05_topic_without_name_is_refused()
    {
        var manifest = Valid(("publish.topics[0]", 12, 7)) with { Topics = [new TopicConfig()] };

        AssertError(SingleError(manifest), "publish.topics[0].name", $"{F}:12:7", "\"name\" must be specified");
    }

    [Test]
    public void T_VAL_06_overriding_the_family_is_refused()
    {
        var manifest = Valid(("taskdef_overrides[0].path", 40, 11)) with { TaskDefOverrides = [new TaskDefOverride("Family", null)] };

        AssertError(SingleError(manifest), "taskdef_overrides[0].path", $"{F}:40:11", "\"Family\" cannot be overridden with a custom value");
    }

    [Test]
    public void T_VAL_07_missing_name_is_refused()
    {
        var manifest = Valid() with { Name = string.Empty };

        AssertError(SingleError(manifest), "name", $"{F}:1:1", "\"name\" must be specified");
    }

    [Test]
    public void T_VAL_08_two_sidecars_depending_on_each_other_form_a_cycle()
    {
        var manifest = Valid(("sidecars.bar.depends_on", 22, 7)) with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["foo"] = Sidecar(s => s with { Essential = false, DependsOn = Map1("bar", "start") }),
                ["bar"] = Sidecar(s => s with { Essential = false, DependsOn = Map1("foo", "start") }),
            },
        };

        AssertError(
            SingleError(manifest),
            "sidecars.bar.depends_on",
            $"{F}:22:7",
            "circular container dependency chain includes the following containers: [bar foo]");
    }

    [Test]
    public void T_VAL_09_windows_with_efs_is_refused()
    {
        var manifest = Valid(("storage.volumes.data.efs", 33, 9)) with
        {
            Platform = new PlatformConfig { Text = "windows/amd64" },
            Cpu = 1024,
            Memory = 2048,
            Storage = new StorageConfig { Volumes = EfsVolume },
        };

        AssertError(SingleError(manifest), "storage.volumes.data.efs", $"{F}:33:9", "'EFS' is not supported when deploying a Windows container");
    }

    [Test]
    public void T_VAL_10_unknown_platform_lists_the_valid_ones()
    {
        var manifest = Valid(("platform", 15, 11)) with { Platform = new PlatformConfig { Text = "foobar/amd64" } };

        AssertError(
            SingleError(manifest),
            "platform",
            $"{F}:15:11",
            "platform 'foobar/amd64' is invalid; valid platforms are: linux/amd64, linux/x86_64, linux/arm, linux/arm64, windows/amd64 and windows/x86_64");
    }

    [Test]
    public void T_VAL_11_platform_without_architecture_is_refused()
    {
        var manifest = Valid(("platform", 15, 11)) with { Platform = new PlatformConfig { Text = "linux" } };

        AssertError(SingleError(manifest), "platform", $"{F}:15:11", "platform 'linux' must be in the format [OS]/[Arch]");
    }

    [Test]
    public void T_VAL_12_unknown_platform_pair_lists_all_fourteen_pairs()
    {
        var manifest = Valid(("platform.osfamily", 16, 13)) with { Platform = new PlatformConfig { OsFamily = "foo", Architecture = "amd64" } };

        AssertError(
            SingleError(manifest),
            "platform.osfamily",
            $"{F}:16:13",
            "platform pair ('foo', 'amd64') is invalid: fields ('osfamily', 'architecture') must be one of ('linux', 'x86_64'), ('linux', 'amd64'), ('linux', 'arm'), ('linux', 'arm64'), ('windows', 'x86_64'), ('windows', 'amd64'), ('windows_server_2019_core', 'x86_64'), ('windows_server_2019_core', 'amd64'), ('windows_server_2019_full', 'x86_64'), ('windows_server_2019_full', 'amd64'), ('windows_server_2022_core', 'x86_64'), ('windows_server_2022_core', 'amd64'), ('windows_server_2022_full', 'x86_64'), ('windows_server_2022_full', 'amd64')");
    }

    [TestCase(19)]
    [TestCase(201)]
    public void T_VAL_13_ephemeral_storage_outside_20_to_200_GiB_is_refused(int size)
    {
        var manifest = Valid(("storage.ephemeral", 31, 14)) with { Storage = new StorageConfig { Ephemeral = size } };

        AssertError(SingleError(manifest), "storage.ephemeral", $"{F}:31:14", "ephemeral storage must be between 20 GiB and 200 GiB");
    }

    [Test]
    public void T_VAL_14_two_managed_efs_volumes_are_refused()
    {
        var manifest = Valid(("storage.volumes.second.efs", 40, 12)) with
        {
            Storage = new StorageConfig
            {
                Volumes = new Dictionary<string, VolumeConfig>
                {
                    ["first"] = new() { Path = "/first", Efs = new EfsConfig { Enabled = true } },
                    ["second"] = new() { Path = "/second", Efs = new EfsConfig { Uid = 1000, Gid = 1000 } },
                },
            },
        };

        AssertError(SingleError(manifest), "storage.volumes.second.efs", $"{F}:40:12", "cannot specify more than one managed volume per service");
    }

    [Test]
    public void T_VAL_15_efs_with_uid_gid_and_id_is_refused()
    {
        var manifest = WithEfs(new EfsConfig { Uid = 1000, Gid = 1000, FileSystemId = "fs-1234" });

        AssertError(SingleError(manifest), "storage.volumes.data.efs", $"{F}:33:9", "must specify one, not both, of \"uid/gid\" and \"id/root_dir/auth\"");
    }

    [TestCase(1000L, null, "uid", "\"gid\" must be specified if \"uid\" is specified")]
    [TestCase(null, 1000L, "gid", "\"uid\" must be specified if \"gid\" is specified")]
    [TestCase(0L, 1000L, "uid", "\"uid\" must not be 0")]
    public void T_VAL_16_managed_efs_needs_both_ids_and_a_non_root_uid(long? uid, long? gid, string field, string message)
    {
        var manifest = WithEfs(new EfsConfig { Uid = uid, Gid = gid });

        AssertError(SingleError(manifest), $"storage.volumes.data.efs.{field}", $"{F}:33:9", message);
    }

    [TestCase("/foo", null)]
    [TestCase(null, false)]
    public void T_VAL_17_access_point_needs_root_dir_slash_and_iam(string? rootDir, bool? iam)
    {
        var manifest = WithEfs(new EfsConfig
        {
            FileSystemId = "fs-1234",
            RootDirectory = rootDir,
            Auth = new EfsAuthConfig { Iam = iam, AccessPointId = "fsap-1234" },
        });

        Assert.That(
            SingleError(manifest).Message,
            Does.Contain("\"root_dir\" must be either empty or \"/\" and \"auth.iam\" must be true when \"access_point_id\" is used"));
    }

    [Test]
    public void T_VAL_18_root_dir_with_other_characters_is_refused()
    {
        var manifest = WithEfs(new EfsConfig { FileSystemId = "fs-1234", RootDirectory = "/wor ld" }, ("storage.volumes.data.efs.root_dir", 36, 19));

        AssertError(SingleError(manifest), "storage.volumes.data.efs.root_dir", $"{F}:36:19", "path can only contain the characters a-zA-Z0-9.-_/");
    }

    [Test]
    public void T_VAL_19_sidecar_mount_point_needs_a_source_volume()
    {
        var manifest = Valid(("sidecars.nginx.mount_points[0]", 52, 9)) with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = Sidecar(s => s with { MountPoints = [new MountPointConfig { Path = "/var/www" }] }),
            },
        };

        AssertError(SingleError(manifest), "sidecars.nginx.mount_points[0].source_volume", $"{F}:52:9", "\"source_volume\" must be specified");
    }

    [Test]
    public void T_VAL_20_env_file_needs_the_env_extension()
    {
        var manifest = Valid(("env_file", 18, 11)) with { EnvFile = "foo" };

        AssertError(SingleError(manifest), "env_file", $"{F}:18:11", "environment file foo must have a .env file extension");
    }

    [Test]
    public void T_VAL_21_unknown_placement_is_refused()
    {
        var manifest = Valid(("network.vpc.placement", 30, 16)) with
        {
            Network = new NetworkConfig { Placement = "external", PlacementSpecified = true },
        };

        AssertError(SingleError(manifest), "network.vpc.placement", $"{F}:30:16", "\"placement\" external must be one of public, private");
    }

    [Test]
    public void T_VAL_22_topic_name_with_a_space_is_refused()
    {
        var manifest = Valid(("publish.topics[0].name", 12, 13)) with { Topics = [new TopicConfig { Name = "my topic" }] };

        AssertError(
            SingleError(manifest),
            "publish.topics[0].name",
            $"{F}:12:13",
            "\"name\" can only contain letters, numbers, underscores, and hyphens");
    }

    [Test]
    public void T_VAL_23_overriding_a_container_name_is_refused()
    {
        var manifest = Valid(("taskdef_overrides[0].path", 40, 11)) with
        {
            TaskDefOverrides = [new TaskDefOverride("ContainerDefinitions[1].Name", null)],
        };

        AssertError(
            SingleError(manifest),
            "taskdef_overrides[0].path",
            $"{F}:40:11",
            "\"ContainerDefinitions\\[\\d+\\].Name\" cannot be overridden with a custom value");
    }

    [Test]
    public void T_VAL_24_essential_containers_only_accept_start_or_healthy()
    {
        var manifest = Valid(("image.depends_on.mockMainContainer", 14, 24), ("sidecars.foo.depends_on.mockMainContainer", 50, 26)) with
        {
            Name = "mockMainContainer",
            Image = new ImageConfig { Location = "nginx", DependsOn = Map1("mockMainContainer", "complete") },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["foo"] = Sidecar(s => s with { DependsOn = Map1("mockMainContainer", "success") }),
            },
        };

        var diagnostics = ManifestValidator.Validate(manifest);

        var statusErrors = diagnostics.Where(d => d.Message.Contains("can only have status", StringComparison.Ordinal)).ToList();
        Assert.That(statusErrors, Has.Count.EqualTo(2), string.Join(Environment.NewLine, diagnostics));
        AssertError(
            statusErrors[0],
            "image.depends_on.mockMainContainer",
            $"{F}:14:24",
            "essential container mockMainContainer can only have status START or HEALTHY; container mockMainContainer depends on it with status COMPLETE");
        AssertError(
            statusErrors[1],
            "sidecars.foo.depends_on.mockMainContainer",
            $"{F}:50:26",
            "essential container mockMainContainer can only have status START or HEALTHY; container foo depends on it with status SUCCESS");
    }

    [TestCase("foo")]
    [TestCase("firelens_log_router")]
    public void T_VAL_25_dependency_on_an_unknown_container_is_refused(string target)
    {
        var manifest = Valid(($"image.depends_on.{target}", 14, 5)) with
        {
            Image = new ImageConfig { Location = "nginx", DependsOn = Map1(target, "start") },
        };

        AssertError(SingleError(manifest), $"image.depends_on.{target}", $"{F}:14:5", $"container {target} does not exist");
    }

    [Test]
    public void T_VAL_26_a_container_cannot_depend_on_itself()
    {
        var manifest = Valid(("image.depends_on.mockMainContainer", 14, 5)) with
        {
            Name = "mockMainContainer",
            Image = new ImageConfig { Location = "nginx", DependsOn = Map1("mockMainContainer", "start") },
        };

        AssertError(SingleError(manifest), "image.depends_on.mockMainContainer", $"{F}:14:5", "container mockMainContainer cannot depend on itself");
    }

    [Test]
    public void T_VAL_27_a_three_container_cycle_lists_its_members_sorted()
    {
        var manifest = Valid() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["gamma"] = Sidecar(s => s with { Essential = false, DependsOn = Map1("alpha", "start") }),
                ["alpha"] = Sidecar(s => s with { Essential = false, DependsOn = Map1("beta", "start") }),
                ["beta"] = Sidecar(s => s with { Essential = false, DependsOn = Map1("gamma", "start") }),
            },
        };

        Assert.That(
            SingleError(manifest).Message,
            Does.StartWith("circular container dependency chain includes the following containers: [alpha beta gamma]"));
    }

    [Test]
    public void T_VAL_28_unknown_dependency_status_is_refused()
    {
        var manifest = Valid(("image.depends_on.foo", 14, 10)) with
        {
            Image = new ImageConfig { Location = "nginx", DependsOn = Map1("foo", "bar") },
            Sidecars = new Dictionary<string, SidecarConfig> { ["foo"] = Sidecar() },
        };

        AssertError(
            SingleError(manifest),
            "image.depends_on.foo",
            $"{F}:14:10",
            "container dependency status must be one of START, COMPLETE, SUCCESS or HEALTHY");
    }

    [Test]
    public void T_VAL_29_windows_with_read_only_root_file_system_is_refused()
    {
        var manifest = Valid(("storage.readonly_fs", 32, 16)) with
        {
            Platform = new PlatformConfig { Text = "windows/x86_64" },
            Cpu = 1024,
            Memory = 2048,
            Storage = new StorageConfig { ReadonlyRootFs = true },
        };

        AssertError(
            SingleError(manifest),
            "storage.readonly_fs",
            $"{F}:32:16",
            "\"readonly_fs\" can not be set to 'true' when deploying a Windows container");
    }

    [Test]
    public void T_VAL_30_two_sidecars_on_one_port_are_refused()
    {
        var manifest = Valid(("sidecars.foo.port", 60, 11)) with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = Sidecar(s => s with { Port = "8080" }),
                ["foo"] = Sidecar(s => s with { Port = "8080/tcp" }),
            },
        };

        AssertError(SingleError(manifest), "sidecars.foo.port", $"{F}:60:11", "containers \"nginx\" and \"foo\" are exposing the same port 8080");
    }

    private static ScheduledJobManifest WithEfs(EfsConfig efs, params (string Path, int Line, int Column)[] extra) =>
        Valid([("storage.volumes.data.efs", 33, 9), .. extra]) with
        {
            Storage = new StorageConfig
            {
                Volumes = new Dictionary<string, VolumeConfig> { ["data"] = new() { Path = "/data", Efs = efs } },
            },
        };
}
