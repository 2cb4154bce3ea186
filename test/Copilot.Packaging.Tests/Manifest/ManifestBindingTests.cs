using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

public class ManifestBindingTests
{
    [Test]
    public void Defaults_apply_when_fields_are_absent()
    {
        var manifest = Job("image:\n  location: nginx\non:\n  schedule: '@daily'\n").Manifest;

        Assert.That((manifest.Cpu, manifest.Memory, manifest.Count, manifest.CountHasAutoscaling), Is.EqualTo((256, 512, 1, false)));
        Assert.That(manifest.Network, Is.Null, "no network block means the public placement");
        Assert.That(manifest.Storage, Is.Null);
        Assert.That(manifest.Schedule, Is.EqualTo("@daily"));
    }

    [Test]
    public void Network_without_placement_uses_public()
    {
        var network = Job("image:\n  location: x\nnetwork:\n  vpc:\n    security_groups: [sg-1]\n").Manifest.Network!;

        Assert.That((network.Placement, network.PlacementSpecified), Is.EqualTo(("public", false)));
    }

    [Test]
    public void Build_string_and_map_forms()
    {
        var asString = Job("image:\n  build: path/Dockerfile\n").Manifest.Image.Build!;
        var asMap = Job("image:\n  build:\n    context: .\n    dockerfile: d/Dockerfile\n    args: {A: 1}\n    target: t\n    cache_from: [c1]\n").Manifest.Image.Build!;

        Assert.That(asString.DockerfilePath, Is.EqualTo("path/Dockerfile"));
        Assert.That((asMap.Context, asMap.Dockerfile, asMap.Args["A"], asMap.Target, asMap.CacheFrom.Single()), Is.EqualTo((".", "d/Dockerfile", "1", "t", "c1")));
    }

    [Test]
    public void Build_list_is_an_either_or_error_with_location_found_and_expected()
    {
        var error = JobFails("image:\n  build: [a]\n");

        Assert.That(error.Describe(), Is.EqualTo(
            $"{ManifestFile}:4:10: image.build: unable to unmarshal build field into string or compose-style map: found a list, expected a Dockerfile path or a map with context, dockerfile, args, target, cache_from"));
    }

    [Test]
    public void Both_build_and_location_is_an_error()
    {
        var error = JobFails("image:\n  build: Dockerfile\n  location: nginx\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:4:3: image: must specify one of \"build\" and \"location\""));
    }

    [Test]
    public void Entrypoint_and_command_strings_are_split_with_shell_rules()
    {
        var manifest = Job("image:\n  location: x\nentrypoint: /bin/sh -c \"echo hi\" # comment\ncommand: [\"a b\", c]\n").Manifest;

        Assert.That(manifest.EntryPoint!.Words, Is.EqualTo(new[] { "/bin/sh", "-c", "echo hi" }));
        Assert.That(manifest.EntryPoint.WasString, Is.True);
        Assert.That(manifest.Command!.Words, Is.EqualTo(new[] { "a b", "c" }));
        Assert.That(manifest.Command.WasString, Is.False);
    }

    [Test]
    public void Unterminated_quote_in_command_is_a_located_error()
    {
        var error = JobFails("image:\n  location: x\ncommand: echo 'oops\n");

        Assert.That(error.Describe(), Is.EqualTo(
            $"{ManifestFile}:5:10: command: convert \"command\" to string slice: convert string into tokens using shell-style rules: EOF found when expecting closing quote"));
    }

    [Test]
    public void Command_map_is_an_either_or_error()
    {
        var error = JobFails("image:\n  location: x\nentrypoint: {a: b}\n");

        Assert.That(error.Message, Does.StartWith("unable to unmarshal \"entrypoint\" into string or slice of strings: found a map"));
    }

    [Test]
    public void Platform_string_and_map_forms()
    {
        Assert.That(Job("image:\n  location: x\nplatform: linux/arm64\n").Manifest.Platform, Is.EqualTo(new PlatformConfig { Text = "linux/arm64" }));
        Assert.That(
            Job("image:\n  location: x\nplatform:\n  osfamily: windows_server_2019_core\n  architecture: x86_64\n").Manifest.Platform,
            Is.EqualTo(new PlatformConfig { OsFamily = "windows_server_2019_core", Architecture = "x86_64" }));
        Assert.That(JobFails("image:\n  location: x\nplatform: [linux]\n").Message, Does.StartWith("unable to unmarshal platform field into string or compose-style map"));
    }

    [Test]
    public void Placement_and_subnet_forms()
    {
        var fromTags = Job("image:\n  location: x\nnetwork:\n  vpc:\n    placement:\n      subnets:\n        from_tags:\n          tier: private\n          zone: [a, b]\n").Manifest.Network!;

        Assert.That(fromTags.SubnetsFromTags!["tier"], Is.EqualTo(new[] { "private" }));
        Assert.That(fromTags.SubnetsFromTags["zone"], Is.EqualTo(new[] { "a", "b" }));
        Assert.That(fromTags.PlacementSpecified, Is.True);
        Assert.That(Job("image:\n  location: x\nnetwork:\n  vpc:\n    placement: ''\n").Manifest.Network!.Placement, Is.EqualTo(string.Empty));
        Assert.That(JobFails("image:\n  location: x\nnetwork:\n  vpc:\n    placement: {}\n").Message, Does.StartWith("unable to unmarshal placement field into string or compose-style map"));
        Assert.That(JobFails("image:\n  location: x\nnetwork:\n  vpc:\n    placement:\n      subnets: id\n").Message, Does.StartWith("unable to unmarshal subnets field into string slice or compose-style map"));
    }

    [Test]
    public void Security_group_list_and_map_forms()
    {
        var list = Job("image:\n  location: x\nnetwork:\n  vpc:\n    security_groups:\n      - sg-1\n      - from_cfn: Export\n").Manifest.Network!;
        var map = Job("image:\n  location: x\nnetwork:\n  vpc:\n    security_groups:\n      groups: [sg-2]\n      deny_default: true\n").Manifest.Network!;

        Assert.That(list.SecurityGroups, Is.EqualTo(new[] { new SecurityGroupRef("sg-1"), new SecurityGroupRef(null, "Export") }));
        Assert.That(map.SecurityGroups, Is.EqualTo(new[] { new SecurityGroupRef("sg-2") }));
        Assert.That(map.DenyDefaultSecurityGroup, Is.True);
        Assert.That(JobFails("image:\n  location: x\nnetwork:\n  vpc:\n    security_groups: sg-1\n").Message, Does.StartWith("unable to unmarshal \"security_groups\" field into slice of strings or compose-style map"));
    }

    [Test]
    public void Count_exec_and_connect_forms()
    {
        var manifest = Job("image:\n  location: x\ncount: 3\nexec: true\nnetwork:\n  connect: {alias: a}\n").Manifest;
        var autoscaling = Job("image:\n  location: x\ncount:\n  range: 1-10\n").Manifest;

        Assert.That(manifest.Count, Is.EqualTo(3));
        Assert.That(autoscaling.CountHasAutoscaling, Is.True);
        Assert.That(JobFails("image:\n  location: x\ncount: [1]\n").Message, Does.StartWith("unable to unmarshal \"count\" field to an integer or autoscaling configuration"));
        Assert.That(JobFails("image:\n  location: x\nexec: {}\n").Message, Does.StartWith("unable to unmarshal \"exec\" field into boolean or exec configuration"));
        Assert.That(JobFails("image:\n  location: x\nnetwork:\n  connect: [x]\n").Message, Does.StartWith("unable to unmarshal \"connect\" field into boolean or compose-style map"));
    }

    [Test]
    public void Variable_and_secret_forms()
    {
        var manifest = Job("""
            image:
              location: x
            variables:
              PORT: 8080
              FLAG: true
              IMPORTED:
                from_cfn: Export
            secrets:
              SSM: /param
              SM:
                secretsmanager: demo/secret
              CFN:
                from_cfn: SecretExport
            """).Manifest;

        Assert.That(manifest.Variables["PORT"], Is.EqualTo(VariableValue.Plain("8080")));
        Assert.That(manifest.Variables["FLAG"], Is.EqualTo(VariableValue.Plain("true")));
        Assert.That(manifest.Variables["IMPORTED"], Is.EqualTo(VariableValue.Import("Export")));
        Assert.That(manifest.Secrets["SSM"], Is.EqualTo(SecretValue.Plain("/param")));
        Assert.That(manifest.Secrets["SM"], Is.EqualTo(SecretValue.FromSecretsManager("demo/secret")));
        Assert.That(manifest.Secrets["CFN"], Is.EqualTo(SecretValue.Import("SecretExport")));
        Assert.That(JobFails("image:\n  location: x\nvariables:\n  A: [1]\n").Message, Does.StartWith("unmarshal \"variables\": cannot unmarshal field to a string or into a map"));
        Assert.That(JobFails("image:\n  location: x\nsecrets:\n  A: {}\n").Message, Does.StartWith("cannot marshal \"secret\" field to a string or \"secretsmanager\" object"));
    }

    [Test]
    public void Efs_forms()
    {
        var manifest = Job("""
            image:
              location: x
            storage:
              ephemeral: 50
              readonly_fs: true
              volumes:
                managed:
                  path: /m
                  efs: true
                byo:
                  path: /b
                  read_only: false
                  efs:
                    id:
                      from_cfn: FsExport
                    root_dir: /
                    auth:
                      iam: true
                      access_point_id: fsap-1
                scratch:
                  path: /s
            """).Manifest;

        var storage = manifest.Storage!;
        Assert.That((storage.Ephemeral, storage.ReadonlyRootFs), Is.EqualTo(((int?)50, (bool?)true)));
        Assert.That(storage.Volumes["managed"].Efs!.IsManaged, Is.True);
        var byo = storage.Volumes["byo"].Efs!;
        Assert.That((byo.FileSystemIdFromCfn, byo.RootDirectory, byo.Auth!.Iam, byo.Auth.AccessPointId), Is.EqualTo(("FsExport", "/", (bool?)true, "fsap-1")));
        Assert.That(storage.Volumes["scratch"].Efs, Is.Null);
        Assert.That(manifest.Source.Locate("storage.volumes.byo.efs.auth.access_point_id").Line, Is.EqualTo(21));
    }

    [Test]
    public void Efs_with_both_groups_and_efs_list_are_errors()
    {
        var both = JobFails("image:\n  location: x\nstorage:\n  volumes:\n    v:\n      path: /v\n      efs:\n        uid: 1\n        gid: 1\n        id: fs-1\n");
        var list = JobFails("image:\n  location: x\nstorage:\n  volumes:\n    v:\n      efs: [x]\n");

        Assert.That(both.Describe(), Does.StartWith($"{ManifestFile}:10:9: storage.volumes.v.efs: must specify one, not both, of \"uid/gid\" and \"id/root_dir/auth\""));
        Assert.That(list.Message, Does.StartWith("cannot unmarshal \"efs\" field into bool or map"));
    }

    [Test]
    public void Uid_out_of_range_is_an_error()
    {
        var error = JobFails("image:\n  location: x\nstorage:\n  volumes:\n    v:\n      efs:\n        uid: -1\n        gid: 1\n");

        Assert.That(error.Message, Does.StartWith("the integer -1 is out of range; expected an integer from 0 to 4294967295"));
    }

    [Test]
    public void Topics_with_fifo_forms_and_source_paths()
    {
        var manifest = Job("image:\n  location: x\npublish:\n  topics:\n    - name: plain\n    - name: ordered\n      fifo: true\n    - name: dedup\n      fifo:\n        content_based_deduplication: true\n").Manifest;

        Assert.That(manifest.Topics.Select(t => (t.Name, t.Fifo, t.ContentBasedDeduplication)), Is.EqualTo(new[] { ("plain", false, (bool?)null), ("ordered", true, null), ("dedup", true, true) }));
        Assert.That(manifest.Source.Locate("publish.topics[1].name").ToString(), Is.EqualTo($"{ManifestFile}:8:13"));
        Assert.That(JobFails("image:\n  location: x\npublish:\n  topics:\n    - name: t\n      fifo: {}\n").Message, Does.StartWith("unable to unmarshal \"fifo\" field into boolean or compose-style map"));
    }

    [Test]
    public void Sidecar_image_forms_and_fields()
    {
        var manifest = Job("""
            image:
              location: x
            sidecars:
              nginx:
                image: public.ecr.aws/nginx/nginx
                port: 8080/tcp
                essential: false
                credentialsParameter: arn:cred
                env_file: n.env
                mount_points:
                  - source_volume: v
                    path: /var/www
                    read_only: false
                depends_on: {main: start}
                healthcheck:
                  command: [CMD, true]
                  interval: 10s
                  retries: 2
                entrypoint: a b
                command: [c]
              built:
                image:
                  build: Dockerfile.side
            """).Manifest;

        var nginx = manifest.Sidecars["nginx"];
        Assert.That((nginx.ImageLocation, nginx.Port, nginx.Essential, nginx.CredentialsParameter, nginx.EnvFile), Is.EqualTo(("public.ecr.aws/nginx/nginx", "8080/tcp", (bool?)false, "arn:cred", "n.env")));
        Assert.That(nginx.MountPoints.Single(), Is.EqualTo(new MountPointConfig { SourceVolume = "v", Path = "/var/www", ReadOnly = false }));
        Assert.That(nginx.DependsOn["main"], Is.EqualTo("start"));
        Assert.That((nginx.HealthCheck!.Interval, nginx.HealthCheck.Retries), Is.EqualTo(("10s", (int?)2)));
        Assert.That(nginx.HealthCheck.Command, Is.EqualTo(new[] { "CMD", "true" }));
        Assert.That(nginx.EntryPoint!.Words, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(manifest.Sidecars["built"].ImageBuild!.DockerfilePath, Is.EqualTo("Dockerfile.side"));
        Assert.That(manifest.Source.Locate("sidecars.nginx.mount_points[0].path").ToString(), Is.EqualTo($"{ManifestFile}:14:15"));
        Assert.That(JobFails("image:\n  location: x\nsidecars:\n  s:\n    image: {}\n").Message, Does.StartWith("ambiguous value: neither the basic or advanced form for the field was set"));
    }

    [Test]
    public void Bad_health_check_duration_is_a_located_error()
    {
        var error = JobFails("image:\n  location: x\n  healthcheck:\n    interval: 5 hours\n");

        Assert.That(error.Describe(), Does.StartWith($"{ManifestFile}:6:15: image.healthcheck.interval: time: unknown unit"));
    }

    [Test]
    public void Logging_fields()
    {
        var logging = Job("image:\n  location: x\nlogging:\n  retention: 7\n  image: fluent\n  destination: {Name: cloudwatch}\n  enableMetadata: false\n  secretOptions: {K: /p}\n  configFilePath: /f\n  variables: {V: 1}\n  secrets: {S: /s}\n  env_file: l.env\n").Manifest.Logging!;

        Assert.That((logging.Retention, logging.Image, logging.Destination["Name"], logging.EnableMetadata, logging.ConfigFilePath, logging.EnvFile), Is.EqualTo(((int?)7, "fluent", "cloudwatch", (bool?)false, "/f", "l.env")));
        Assert.That(logging.SecretOptions["K"], Is.EqualTo(SecretValue.Plain("/p")));
        Assert.That(logging.IsFireLensEnabled, Is.True);
    }

    [Test]
    public void Taskdef_overrides_keep_tags()
    {
        var rules = Job("image:\n  location: x\ntaskdef_overrides:\n  - path: Ulimits[-]\n    value:\n      Name: !Ref Foo\n").Manifest.TaskDefOverrides;

        Assert.That(rules.Single().Path, Is.EqualTo("Ulimits[-]"));
        var value = (YamlDotNet.RepresentationModel.YamlMappingNode)rules.Single().Value!;
        Assert.That(value.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("Name")].Tag.Value, Is.EqualTo("!Ref"));
    }

    [Test]
    public void Several_binding_errors_are_reported_together_in_file_order()
    {
        var error = JobFails("image:\n  location: x\ncpu: lots\nmemory: [1]\nretries: maybe\n");

        Assert.That(error.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{ManifestFile}:5:6: cpu: expected an integer from -2147483648 to 2147483647, but found the string \"lots\"",
            $"{ManifestFile}:6:9: memory: expected an integer from -2147483648 to 2147483647, but found a list",
            $"{ManifestFile}:7:10: retries: expected an integer from -2147483648 to 2147483647, but found the string \"maybe\"",
        }));
    }

    [Test]
    public void Quoted_number_in_an_integer_field_is_an_error_as_in_copilot()
    {
        var error = JobFails("image:\n  location: x\ncpu: '256'\n");

        Assert.That(error.Message, Does.Contain("found the string \"256\""));
    }

    [Test]
    public void Yaml_1_1_booleans_are_read_for_boolean_fields()
    {
        var manifest = Job("image:\n  location: x\nstorage:\n  readonly_fs: yes\n").Manifest;

        Assert.That(manifest.Storage!.ReadonlyRootFs, Is.True);
    }

    [Test]
    public void Source_map_points_at_every_written_field()
    {
        var manifest = Job("image:\n  location: nginx\nsidecars:\n  nginx:\n    port: 80\nstorage:\n  volumes:\n    v:\n      efs:\n        uid: 1\n        gid: 2\n").Manifest;

        Assert.That(manifest.Source.Locate("image.location").ToString(), Is.EqualTo($"{ManifestFile}:4:13"));
        Assert.That(manifest.Source.Locate("sidecars.nginx.port").ToString(), Is.EqualTo($"{ManifestFile}:7:11"));
        Assert.That(manifest.Source.Locate("storage.volumes.v.efs.uid").ToString(), Is.EqualTo($"{ManifestFile}:12:14"));
        Assert.That(manifest.Source.Contains("cpu"), Is.False);
    }

    [Test]
    public void Errors_carry_the_error_severity()
    {
        var error = JobFails("image:\n  location: x\ncpu: lots\n");

        Assert.That(error.Diagnostics.Single().Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }
}
