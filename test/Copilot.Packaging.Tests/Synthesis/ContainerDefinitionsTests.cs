using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class ContainerDefinitionsTests
{
    private const string Containers = "Resources.TaskDefinition.Properties.ContainerDefinitions";

    private static YamlMappingNode Render(ScheduledJobManifest manifest) => Synthesizer().Synthesize(Input(manifest)).Template;

    private static IReadOnlyList<string> Names(YamlMappingNode template) =>
        ((YamlSequenceNode)TemplatePaths.Node(template, Containers)).Children
            .Select(c => ((YamlScalarNode)((YamlMappingNode)c).Children[new YamlScalarNode("Name")]).Value!)
            .ToList();

    [Test]
    public void Minimal_main_container_has_only_the_required_keys_and_the_common_environment()
    {
        var template = Render(MinimalManifest());

        Assert.That(TemplatePaths.Keys(template, $"{Containers}[0]"), Is.EqualTo(new[] { "Name", "Image", "Environment", "EnvironmentFiles", "LogConfiguration" }));
        Assert.That(TemplatePaths.Environment(template, 0).Keys, Is.EqualTo(new[]
        {
            "COPILOT_APPLICATION_NAME", "COPILOT_SERVICE_DISCOVERY_ENDPOINT", "COPILOT_ENVIRONMENT_NAME", "COPILOT_SERVICE_NAME",
        }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[0].LogConfiguration.LogDriver"), Is.EqualTo("awslogs"));
    }

    [Test]
    public void Service_discovery_endpoint_defaults_to_app_dot_local()
    {
        var input = Input(MinimalManifest()) with { Environment = Input(MinimalManifest()).Environment with { ServiceDiscoveryEndpoint = null } };

        var template = Synthesizer().Synthesize(input).Template;

        Assert.That(((YamlScalarNode)TemplatePaths.Environment(template, 0)["COPILOT_SERVICE_DISCOVERY_ENDPOINT"]).Value, Is.EqualTo("my-app.local"));
    }

    [Test]
    public void Variables_and_secrets_render_in_their_three_forms_sorted_by_name()
    {
        var manifest = MinimalManifest() with
        {
            Variables = new Dictionary<string, VariableValue> { ["Z_PLAIN"] = VariableValue.Plain("8080"), ["A_IMPORT"] = VariableValue.Import("SharedTable") },
            Secrets = new Dictionary<string, SecretValue>
            {
                ["SSM"] = SecretValue.Plain("/copilot/app/secret"),
                ["IMPORTED"] = SecretValue.Import("SecretExport"),
                ["MANAGED"] = SecretValue.FromSecretsManager("db/password"),
            },
        };

        var text = YamlTextWriter.Write(Render(manifest));

        Assert.That(text, Does.Contain(
            "          Secrets:\n            - Name: IMPORTED\n              ValueFrom:\n                Fn::ImportValue: SecretExport\n" +
            "            - Name: MANAGED\n              ValueFrom: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db/password'\n" +
            "            - Name: SSM\n              ValueFrom: /copilot/app/secret\n"));
        Assert.That(text, Does.Contain(
            "            - Name: A_IMPORT\n              Value:\n                Fn::ImportValue: SharedTable\n            - Name: Z_PLAIN\n              Value: '8080'\n"));
    }

    [Test]
    public void Main_container_optional_keys_come_in_copilots_order()
    {
        var manifest = MinimalManifest() with
        {
            Image = new ImageConfig
            {
                Location = "nginx",
                Credentials = "arn:aws:secretsmanager:us-west-2:1:secret:creds",
                Labels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
                DependsOn = new Dictionary<string, string> { ["side"] = "healthy" },
                HealthCheck = new HealthCheckConfig(),
            },
            Secrets = new Dictionary<string, SecretValue> { ["S"] = SecretValue.Plain("s") },
            EntryPoint = new CommandLine(["/bin/sh"], false),
            Command = new CommandLine(["run"], true),
            Storage = new StorageConfig { ReadonlyRootFs = false, Volumes = new Dictionary<string, VolumeConfig> { ["v"] = new() { Path = "/v" } } },
            Sidecars = new Dictionary<string, SidecarConfig> { ["side"] = new() { ImageLocation = "busybox" } },
        };

        var template = Render(manifest);

        Assert.That(TemplatePaths.Keys(template, $"{Containers}[0]"), Is.EqualTo(new[]
        {
            "Name", "Image", "Secrets", "Environment", "EnvironmentFiles", "LogConfiguration", "EntryPoint", "Command", "MountPoints",
            "DockerLabels", "DependsOn", "HealthCheck", "ReadonlyRootFilesystem", "RepositoryCredentials",
        }));
        Assert.That(TemplatePaths.Keys(template, $"{Containers}[0].DockerLabels"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[0].DependsOn[0].Condition"), Is.EqualTo("HEALTHY"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[0].ReadonlyRootFilesystem"), Is.EqualTo("false"));
    }

    [Test]
    public void Health_check_fills_defaults_and_renders_durations_as_whole_seconds()
    {
        var manifest = MinimalManifest() with
        {
            Image = new ImageConfig { Location = "nginx", HealthCheck = new HealthCheckConfig { Interval = "1m30s", StartPeriod = "2.9s" } },
        };

        var text = YamlTextWriter.Write(Render(manifest));

        Assert.That(text, Does.Contain(
            "          HealthCheck:\n            Command: [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]\n" +
            "            Interval: 90\n            Retries: 2\n            StartPeriod: 2\n            Timeout: 5\n"));
    }

    [Test]
    public void An_invalid_health_check_duration_is_a_located_error()
    {
        var location = new SourceLocation("copilot/report/manifest.yml", 12, 15);
        var manifest = MinimalManifest() with
        {
            Image = new ImageConfig { Location = "nginx", HealthCheck = new HealthCheckConfig { Timeout = "5 seconds" } },
            Source = new Copilot.Packaging.Manifest.ManifestSourceMap("copilot/report/manifest.yml", new Dictionary<string, SourceLocation> { ["image.healthcheck.timeout"] = location }),
        };

        var error = Assert.Throws<CopilotJobException>(() => Render(manifest));

        Assert.That(error!.Message, Does.StartWith("\"image.healthcheck.timeout\" is not a duration: time: unknown unit \" seconds\""));
        Assert.That(error.Location, Is.EqualTo(location));
    }

    [Test]
    public void FireLens_adds_the_log_router_after_the_main_container_and_routes_main_logs_through_it()
    {
        var manifest = MinimalManifest() with
        {
            Logging = new LoggingConfig
            {
                Destination = new Dictionary<string, string> { ["region"] = "us-west-2", ["Name"] = "cloudwatch" },
                SecretOptions = new Dictionary<string, SecretValue> { ["apikey"] = SecretValue.Plain("/logs/key") },
                ConfigFilePath = "/fluent-bit/extra.conf",
                Variables = new Dictionary<string, VariableValue> { ["LEVEL"] = VariableValue.Plain("debug") },
            },
            Sidecars = new Dictionary<string, SidecarConfig> { ["side"] = new() { ImageLocation = "busybox" } },
        };

        var template = Render(manifest);

        Assert.That(Names(template), Is.EqualTo(new[] { "WorkloadName", "firelens_log_router", "side" }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[0].LogConfiguration.LogDriver"), Is.EqualTo("awsfirelens"));
        Assert.That(TemplatePaths.Keys(template, $"{Containers}[0].LogConfiguration.Options"), Is.EqualTo(new[] { "Name", "region" }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[0].LogConfiguration.SecretOptions[0].ValueFrom"), Is.EqualTo("/logs/key"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].Image"), Is.EqualTo("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].FirelensConfiguration.Options.enable-ecs-log-metadata"), Is.EqualTo("true"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].FirelensConfiguration.Options.config-file-value"), Is.EqualTo("/fluent-bit/extra.conf"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].EnvironmentFiles[0][0]"), Is.EqualTo("HasLoggingEnvFile"));
        Assert.That(TemplatePaths.Environment(template, 1).Keys.Last(), Is.EqualTo("LEVEL"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].LogConfiguration.LogDriver"), Is.EqualTo("awslogs"));
        Assert.That(TemplatePaths.Keys(template, "Parameters"), Does.Contain("LoggingEnvFileARN"));
        Assert.That(TemplatePaths.Keys(template, "Conditions"), Does.Contain("HasLoggingEnvFile"));
        Assert.That(TemplatePaths.Text(template, "Resources.ExecutionRole.Properties.Policies[2][0]"), Is.EqualTo("HasLoggingEnvFile"));
    }

    [Test]
    public void Logging_with_only_retention_adds_no_log_router()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest() with { Logging = new LoggingConfig { Retention = 90 } }));

        Assert.That(Names(stack.Template), Is.EqualTo(new[] { "WorkloadName" }));
        Assert.That(TemplatePaths.Keys(stack.Template, "Parameters"), Does.Not.Contain("LoggingEnvFileARN"));
        Assert.That(stack.Configuration.Parameters["LogRetention"], Is.EqualTo("90"));
    }

    [Test]
    public void Sidecars_are_sorted_and_get_env_file_parameters_conditions_and_policies_named_after_their_safe_name()
    {
        var manifest = MinimalManifest() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["web-proxy"] = new() { ImageLocation = "envoy", Port = "8080/UDP" },
                ["agent"] = new() { ImageBuild = new BuildConfig { DockerfilePath = "agent/Dockerfile" }, Essential = false },
            },
        };
        var input = Input(manifest) with { SidecarImages = new Dictionary<string, string> { ["agent"] = "repo:agent-latest" } };

        var template = Synthesizer().Synthesize(input).Template;

        Assert.That(Names(template), Is.EqualTo(new[] { "WorkloadName", "agent", "web-proxy" }));
        Assert.That(TemplatePaths.Keys(template, "Parameters").Where(k => k.StartsWith("EnvFileARNFor", StringComparison.Ordinal)), Is.EqualTo(new[] { "EnvFileARNForagent", "EnvFileARNForwebproxy" }));
        Assert.That(TemplatePaths.Keys(template, "Parameters").Last(), Is.EqualTo("ArtifactKeyARN"));
        Assert.That(TemplatePaths.Keys(template, "Conditions"), Is.EqualTo(new[] { "HasAddons", "HasEnvFile", "HasEnvFileForagent", "HasEnvFileForwebproxy" }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].Image"), Is.EqualTo("repo:agent-latest"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].Essential"), Is.EqualTo("false"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[2].PortMappings[0].ContainerPort"), Is.EqualTo("8080"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[2].PortMappings[0].Protocol"), Is.EqualTo("udp"));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[2].EnvironmentFiles[0][1].Value"), Is.EqualTo("EnvFileARNForwebproxy"));
        Assert.That(TemplatePaths.Text(template, "Resources.ExecutionRole.Properties.Policies[3][1].PolicyName[1][5]"), Is.EqualTo("GetEnvFilePolicyForwebproxy"));
    }

    [Test]
    public void A_sidecar_built_but_not_pushed_has_an_empty_image()
    {
        var manifest = MinimalManifest() with
        {
            Sidecars = new Dictionary<string, SidecarConfig> { ["agent"] = new() { ImageBuild = new BuildConfig { DockerfilePath = "Dockerfile" } } },
        };

        Assert.That(TemplatePaths.Text(Render(manifest), $"{Containers}[1].Image"), Is.Empty);
    }

    [Test]
    public void An_unparsable_sidecar_port_is_a_located_error()
    {
        var manifest = MinimalManifest() with { Sidecars = new Dictionary<string, SidecarConfig> { ["s"] = new() { ImageLocation = "x", Port = "80/tcp/x" } } };

        var error = Assert.Throws<CopilotJobException>(() => Render(manifest));

        Assert.That(error!.Message, Does.StartWith("cannot parse port mapping from 80/tcp/x"));
    }

    [Test]
    public void Sidecar_mount_points_feed_its_mount_points_variable()
    {
        var manifest = MinimalManifest() with
        {
            Storage = new StorageConfig { Volumes = new Dictionary<string, VolumeConfig> { ["data"] = new() { Path = "/data" } } },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["s"] = new() { ImageLocation = "x", MountPoints = [new MountPointConfig { SourceVolume = "data", Path = "/srv/data" }] },
            },
        };

        var template = Render(manifest);

        Assert.That(((YamlScalarNode)TemplatePaths.Environment(template, 1)["COPILOT_MOUNT_POINTS"]).Value, Is.EqualTo("{\"data\":\"/srv/data\"}"));
        Assert.That(TemplatePaths.Keys(template, $"{Containers}[1].MountPoints[0]"), Is.EqualTo(new[] { "SourceVolume", "ReadOnly", "ContainerPath" }));
        Assert.That(TemplatePaths.Text(template, $"{Containers}[1].MountPoints[0].ReadOnly"), Is.EqualTo("true"));
    }
}

public class LogicalIdCollisionTests
{
    [Test]
    public void Sidecar_names_that_strip_to_the_same_logical_id_are_rejected()
    {
        var manifest = MinimalManifest() with
        {
            Sidecars = new Dictionary<string, SidecarConfig> { ["web-proxy"] = new() { ImageLocation = "a" }, ["web_proxy"] = new() { ImageLocation = "b" } },
        };

        var error = Assert.Throws<CopilotJobException>(() => Synthesizer().Synthesize(Input(manifest)));

        Assert.That(error!.Message, Does.StartWith("sidecar names \"web-proxy\" and \"web_proxy\" both become \"webproxy\""));
    }

    [Test]
    public void Topic_names_that_strip_to_the_same_logical_id_are_rejected()
    {
        var manifest = MinimalManifest() with { Topics = [new TopicConfig { Name = "a-b" }, new TopicConfig { Name = "ab" }] };

        var error = Assert.Throws<CopilotJobException>(() => Synthesizer().Synthesize(Input(manifest)));

        Assert.That(error!.Message, Does.StartWith("topic names \"a-b\" and \"ab\" both become \"ab\""));
    }
}
