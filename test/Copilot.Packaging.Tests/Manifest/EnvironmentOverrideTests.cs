using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

/// <summary>Vectors T-ENV-01..09 (§9.6) and the either/or clearing rules of §3.5.</summary>
public class EnvironmentOverrideTests
{
    private const string DefaultJob = """
        image:
          location: nginx
        on:
          schedule: "@hourly"
        timeout: 5m
        retries: 1
        cpu: 256
        memory: 512
        count: 1
        network:
          vpc:
            placement: public
        """;

    [Test]
    public void T_ENV_01_no_environment_block_leaves_the_manifest_unchanged()
    {
        var plain = Job(DefaultJob, env: "prod").Manifest;

        Assert.That(plain.Image.Location, Is.EqualTo("nginx"));
        Assert.That(plain.Schedule, Is.EqualTo("@hourly"));
        Assert.That(plain.Variables, Is.Empty);
    }

    [Test]
    public void T_ENV_02_override_adds_variables_and_keeps_everything_else()
    {
        var manifest = Job(DefaultJob + "\nenvironments:\n  prod:\n    variables:\n      LOG_LEVEL: prod\n", env: "prod").Manifest;

        Assert.That(manifest.Variables["LOG_LEVEL"].Value, Is.EqualTo("prod"));
        Assert.That(manifest.Image.Location, Is.EqualTo("nginx"));
        Assert.That((manifest.Schedule, manifest.Timeout, manifest.Retries, manifest.Cpu, manifest.Memory, manifest.Count), Is.EqualTo(("@hourly", "5m", (int?)1, 256, 512, 1)));
        Assert.That(manifest.Network!.Placement, Is.EqualTo("public"));
    }

    [Test]
    public void T_ENV_03_override_location_clears_base_build()
    {
        var manifest = Job("image:\n  build:\n    dockerfile: ./Dockerfile\nenvironments:\n  test:\n    image:\n      location: env-override location\n").Manifest;

        Assert.That(manifest.Image.Location, Is.EqualTo("env-override location"));
        Assert.That(manifest.Image.Build, Is.Null);
    }

    [Test]
    public void T_ENV_04_override_location_replaces_location_and_points_at_the_override()
    {
        var manifest = Job("image:\n  location: default location\nenvironments:\n  test:\n    image:\n      location: env-override location\n").Manifest;

        Assert.That(manifest.Image.Location, Is.EqualTo("env-override location"));
        Assert.That(manifest.Source.Locate("image.location").ToString(), Is.EqualTo($"{ManifestFile}:8:17"));
    }

    [Test]
    public void T_ENV_05_build_string_replaces_build_map()
    {
        var manifest = Job("image:\n  build:\n    dockerfile: ./Dockerfile\nenvironments:\n  test:\n    image:\n      build: overridden build string\n").Manifest;

        Assert.That(manifest.Image.Build!.DockerfilePath, Is.EqualTo("overridden build string"));
        Assert.That(manifest.Image.Build.Dockerfile, Is.Null);
    }

    [TestCase("false", "\n      essential: true", true)]
    [TestCase("true", "\n      essential: false", false)]
    [TestCase("false", " {}", false)]
    [TestCase("false", "\n      essential: ~", false)]
    public void T_ENV_06_booleans_are_replaced_only_when_present(string baseValue, string overrideBody, bool expected)
    {
        var manifest = Job($"image:\n  location: x\nsidecars:\n  s:\n    image: y\n    essential: {baseValue}\nenvironments:\n  test:\n    sidecars:\n     s:{overrideBody}\n").Manifest;

        Assert.That(manifest.Sidecars["s"].Essential, Is.EqualTo(expected));
    }

    [TestCase("[walk, on, the, wild, side]", new[] { "walk", "on", "the", "wild", "side" })]
    [TestCase("[]", new string[0])]
    [TestCase("~", new[] { "walk", "like", "an", "egyptian" })]
    public void T_ENV_07_lists_are_replaced_wholesale(string overrideList, string[] expected)
    {
        var manifest = Job($"image:\n  location: x\ncommand: [walk, like, an, egyptian]\nenvironments:\n  test:\n    command: {overrideList}\n").Manifest;

        Assert.That(manifest.Command!.Words, Is.EqualTo(expected));
    }

    [Test]
    public void T_ENV_08_maps_merge_key_by_key()
    {
        var manifest = Job("image:\n  location: x\n  labels:\n    var1: mole\n    var2: johnny\nenvironments:\n  test:\n    image:\n      labels:\n        var1: blue cheese\n        var3: egypt\n").Manifest;

        Assert.That(manifest.Image.Labels, Is.EqualTo(new Dictionary<string, string> { ["var1"] = "blue cheese", ["var2"] = "johnny", ["var3"] = "egypt" }));
    }

    [Test]
    public void T_ENV_09_empty_override_map_changes_nothing()
    {
        var manifest = Job("image:\n  location: x\n  labels:\n    var1: mole\n    var2: johnny\nenvironments:\n  test:\n    image:\n      labels: {}\n").Manifest;

        Assert.That(manifest.Image.Labels, Is.EqualTo(new Dictionary<string, string> { ["var1"] = "mole", ["var2"] = "johnny" }));
    }

    [Test]
    public void Other_environments_are_ignored()
    {
        var manifest = Job("image:\n  location: x\nenvironments:\n  prod:\n    cpu: 4096\n").Manifest;

        Assert.That(manifest.Cpu, Is.EqualTo(256));
    }

    [Test]
    public void Variables_and_secrets_entries_are_replaced_whole()
    {
        var manifest = Job("""
            image:
              location: x
            secrets:
              DB:
                secretsmanager: base/secret
            variables:
              V:
                from_cfn: BaseExport
            environments:
              test:
                secrets:
                  DB:
                    from_cfn: EnvExport
                variables:
                  V: plain
            """).Manifest;

        Assert.That(manifest.Secrets["DB"], Is.EqualTo(Packaging.Manifest.Model.SecretValue.Import("EnvExport")));
        Assert.That(manifest.Variables["V"], Is.EqualTo(Packaging.Manifest.Model.VariableValue.Plain("plain")));
    }

    [Test]
    public void Sidecars_and_volumes_merge_field_by_field()
    {
        var manifest = Job("""
            image:
              location: x
            sidecars:
              nginx:
                image: nginx
                port: 80
            storage:
              volumes:
                v:
                  path: /data
                  read_only: true
            environments:
              test:
                sidecars:
                  nginx:
                    port: 8080
                storage:
                  volumes:
                    v:
                      read_only: false
            """).Manifest;

        Assert.That((manifest.Sidecars["nginx"].ImageLocation, manifest.Sidecars["nginx"].Port), Is.EqualTo(("nginx", "8080")));
        Assert.That((manifest.Storage!.Volumes["v"].Path, manifest.Storage.Volumes["v"].ReadOnly), Is.EqualTo(("/data", (bool?)false)));
        Assert.That(manifest.Source.Locate("sidecars.nginx.port").Line, Is.EqualTo(18));
        Assert.That(manifest.Source.Locate("sidecars.nginx.image").Line, Is.EqualTo(7));
    }

    [Test]
    public void Efs_uid_gid_in_the_override_clears_the_base_id_group()
    {
        var manifest = Job("""
            image:
              location: x
            storage:
              volumes:
                v:
                  path: /data
                  efs:
                    id: fs-1234
                    root_dir: /x
            environments:
              test:
                storage:
                  volumes:
                    v:
                      efs:
                        uid: 1000
                        gid: 1000
            """).Manifest;

        var efs = manifest.Storage!.Volumes["v"].Efs!;
        Assert.That((efs.Uid, efs.Gid, efs.FileSystemId, efs.RootDirectory), Is.EqualTo(((long?)1000, (long?)1000, (string?)null, (string?)null)));
        Assert.That(efs.IsManaged, Is.True);
    }

    [Test]
    public void Efs_bool_replaces_efs_map()
    {
        var manifest = Job("image:\n  location: x\nstorage:\n  volumes:\n    v:\n      path: /d\n      efs:\n        id: fs-1\nenvironments:\n  test:\n    storage:\n      volumes:\n        v:\n          efs: true\n").Manifest;

        Assert.That(manifest.Storage!.Volumes["v"].Efs, Is.EqualTo(new Packaging.Manifest.Model.EfsConfig { Enabled = true }));
    }

    [Test]
    public void Placement_map_replaces_placement_string()
    {
        var manifest = Job("image:\n  location: x\nnetwork:\n  vpc:\n    placement: private\nenvironments:\n  test:\n    network:\n      vpc:\n        placement:\n          subnets: [subnet-1]\n").Manifest;

        Assert.That(manifest.Network!.Placement, Is.Null);
        Assert.That(manifest.Network.SubnetIds, Is.EqualTo(new[] { "subnet-1" }));
    }

    [Test]
    public void Command_string_replaces_command_list()
    {
        var manifest = Job("image:\n  location: x\ncommand: [a, b]\nenvironments:\n  test:\n    command: echo 'hello world'\n").Manifest;

        Assert.That(manifest.Command, Is.EqualTo(new Packaging.Manifest.Model.CommandLine(["echo", "hello world"], true)).Using<Packaging.Manifest.Model.CommandLine>((a, b) => a.WasString == b.WasString && a.Words.SequenceEqual(b.Words)));
    }

    [Test]
    public void Override_setting_both_build_and_location_is_an_error_at_the_override()
    {
        var error = JobFails("image:\n  location: x\nenvironments:\n  test:\n    image:\n      build: ./Dockerfile\n      location: y\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:8:7: environments.test.image: invalid manifest: image.build is mutually exclusive with image.location and shouldn't be specified at the same time"));
    }

    [Test]
    public void Errors_in_another_environments_block_are_reported_too()
    {
        var error = JobFails("image:\n  location: x\nenvironments:\n  prod:\n    cpu: lots\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:7:10: environments.prod.cpu: expected an integer"));
    }
}
