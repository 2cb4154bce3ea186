using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>One input per template feature, rendered to golden files and linted.</summary>
internal static class SynthesisScenarios
{
    public static IReadOnlyDictionary<string, JobStackInput> All { get; } = new SortedDictionary<string, JobStackInput>(StringComparer.Ordinal)
    {
        ["compat"] = Input(CompatManifest()) with { ManifestText = "name: job\ntype: Scheduled Job\n" },
        ["addons"] = WithAddons(),
        ["sidecars"] = Sidecars(),
        ["logging-firelens"] = Logging(),
        ["byo-efs"] = Input(MinimalManifest() with { Storage = ByoEfsStorage() }),
        ["managed-efs"] = Input(MinimalManifest() with { Storage = ManagedEfsStorage() }),
        ["publish"] = Input(MinimalManifest() with { Topics = PublishTopics() }),
        ["windows"] = Input(MinimalManifest() with { Platform = new PlatformConfig { Text = "windows/x86_64" } }),
        ["arm"] = Input(MinimalManifest() with { Platform = new PlatformConfig { Text = "linux/arm64" }, Timeout = "90m", Retries = 2 }),
        ["private-placement"] = Input(MinimalManifest() with { Network = new NetworkConfig { Placement = "private", PlacementSpecified = true } }),
        ["subnets"] = Input(MinimalManifest() with { Network = SubnetsNetwork() }),
        ["none-schedule"] = Input(MinimalManifest() with { Schedule = "none" }),
        ["permissions-boundary"] = Input(MinimalManifest() with { Storage = ManagedEfsStorage() }, permissionsBoundary: "my-boundary"),
        ["taskdef-overrides"] = Input(MinimalManifest() with { TaskDefOverrides = Overrides() }),
    };

    public static StorageConfig ByoEfsStorage() => new()
    {
        Volumes = new Dictionary<string, VolumeConfig>
        {
            ["shared"] = new()
            {
                Path = "/mnt/shared",
                ReadOnly = false,
                Efs = new EfsConfig { FileSystemId = "fs-1234abcd", Auth = new EfsAuthConfig { Iam = true, AccessPointId = "fsap-1234abcd" } },
            },
            ["imported"] = new()
            {
                Path = "/mnt/imported",
                Efs = new EfsConfig { FileSystemIdFromCfn = "SharedFileSystemId", RootDirectory = "/data" },
            },
        },
    };

    public static StorageConfig ManagedEfsStorage() => new()
    {
        Ephemeral = 20,
        ReadonlyRootFs = true,
        Volumes = new Dictionary<string, VolumeConfig>
        {
            ["cache"] = new() { Path = "/var/cache" },
            ["data"] = new() { Path = "/var/data", ReadOnly = false, Efs = new EfsConfig { Uid = 10000, Gid = 100000 } },
        },
    };

    public static IReadOnlyList<TopicConfig> PublishTopics() =>
    [
        new TopicConfig { Name = "orders" },
        new TopicConfig { Name = "events-log", Fifo = true, ContentBasedDeduplication = true },
    ];

    public static NetworkConfig SubnetsNetwork() => new()
    {
        SubnetIds = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
        PlacementSpecified = true,
        SecurityGroups = [new SecurityGroupRef("sg-0123456789abcdef0"), new SecurityGroupRef(null, "DatabaseSecurityGroup")],
    };

    public static IReadOnlyList<TaskDefOverride> Overrides()
    {
        var capabilities = new YamlSequenceNode(new YamlScalarNode("AUDIT_CONTROL"), new YamlScalarNode("AUDIT_WRITE")) { Style = SequenceStyle.Flow };
        return
        [
            new TaskDefOverride("ContainerDefinitions[0].Ulimits[-].Name", new YamlScalarNode("nofile")),
            new TaskDefOverride("ContainerDefinitions[0].Ulimits[0].SoftLimit", new YamlScalarNode("1024") { Style = YamlDotNet.Core.ScalarStyle.Plain }),
            new TaskDefOverride("ContainerDefinitions[0].Ulimits[0].HardLimit", new YamlScalarNode("2048") { Style = YamlDotNet.Core.ScalarStyle.Plain }),
            new TaskDefOverride("ContainerDefinitions[0].LinuxParameters.Capabilities.Add", capabilities),
            new TaskDefOverride("ContainerDefinitions[0].StopTimeout", new YamlScalarNode("60") { Style = YamlDotNet.Core.ScalarStyle.Plain }),
        ];
    }

    /// <summary>
    /// A job with the orders addons (<see cref="SynthesisAddons.Orders"/>), a sidecar and FireLens, so every container
    /// shows the addons variables, and its own secret, variable, topic and security group to order them against.
    /// </summary>
    public static JobStackInput WithAddons()
    {
        var manifest = MinimalManifest() with
        {
            Variables = new Dictionary<string, VariableValue> { ["LOG_LEVEL"] = VariableValue.Plain("info") },
            Secrets = new Dictionary<string, SecretValue> { ["DB_PASSWORD"] = SecretValue.FromSecretsManager("report/db") },
            Topics = [new TopicConfig { Name = "orders" }],
            Network = new NetworkConfig
            {
                Placement = "public",
                PlacementSpecified = true,
                SecurityGroups = [new SecurityGroupRef("sg-0123456789abcdef0")],
            },
            Logging = new LoggingConfig { Destination = new Dictionary<string, string> { ["Name"] = "cloudwatch" } },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["proxy"] = new() { ImageLocation = "public.ecr.aws/nginx/nginx" },
            },
        };
        return Input(manifest) with { Addons = SynthesisAddons.Orders() };
    }

    private static JobStackInput Sidecars()
    {
        var manifest = MinimalManifest() with
        {
            Image = new ImageConfig
            {
                Location = "nginx",
                DependsOn = new Dictionary<string, string> { ["my-proxy"] = "healthy", ["builder"] = "Complete" },
                HealthCheck = new HealthCheckConfig { Command = ["CMD", "/bin/true"], Interval = "30s", Timeout = "1m30s" },
                Credentials = "arn:aws:secretsmanager:us-west-2:123456789123:secret:registry-creds",
            },
            EntryPoint = new CommandLine(["/bin/sh", "-c"], WasString: false),
            Command = new CommandLine(["echo", "hello world"], WasString: true),
            Storage = new StorageConfig { Volumes = new Dictionary<string, VolumeConfig> { ["scratch"] = new() { Path = "/tmp/scratch" } } },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["my-proxy"] = new()
                {
                    ImageLocation = "public.ecr.aws/envoy/envoy:v1.29",
                    Port = "9090/UDP",
                    Essential = true,
                    HealthCheck = new HealthCheckConfig { Retries = 5 },
                    CredentialsParameter = "arn:aws:secretsmanager:us-west-2:123456789123:secret:proxy-creds",
                    MountPoints = [new MountPointConfig { SourceVolume = "scratch", Path = "/tmp/proxy", ReadOnly = false }],
                    Variables = new Dictionary<string, VariableValue> { ["PROXY_MODE"] = VariableValue.Plain("true") },
                    EnvFile = "proxy.env",
                },
                ["builder"] = new()
                {
                    ImageBuild = new BuildConfig { DockerfilePath = "builder/Dockerfile" },
                    Essential = false,
                    EntryPoint = new CommandLine(["/entry.sh"], WasString: true),
                    Command = new CommandLine(["--once"], WasString: false),
                    DependsOn = new Dictionary<string, string> { ["my-proxy"] = "start" },
                    Secrets = new Dictionary<string, SecretValue> { ["TOKEN"] = SecretValue.Plain("/copilot/my-app/test/secrets/token") },
                },
            },
        };
        return Input(manifest) with
        {
            SidecarImages = new Dictionary<string, string> { ["builder"] = "123456789123.dkr.ecr.us-west-2.amazonaws.com/my-app/report:builder-latest" },
            EnvFileArns = new Dictionary<string, string> { ["my-proxy"] = "arn:aws:s3:::bucket/manual/env-files/proxy.env/abc.env" },
        };
    }

    private static JobStackInput Logging()
    {
        var manifest = MinimalManifest() with
        {
            Logging = new LoggingConfig
            {
                Retention = 14,
                Destination = new Dictionary<string, string> { ["Name"] = "cloudwatch", ["region"] = "us-west-2", ["log_group_name"] = "/copilot/report" },
                EnableMetadata = false,
                ConfigFilePath = "/fluent-bit/configs/parse-json.conf",
                SecretOptions = new Dictionary<string, SecretValue> { ["apikey"] = SecretValue.FromSecretsManager("logging/apikey") },
                Variables = new Dictionary<string, VariableValue> { ["FLB_LOG_LEVEL"] = VariableValue.Plain("debug") },
                Secrets = new Dictionary<string, SecretValue> { ["LICENSE"] = SecretValue.Import("LoggingLicense") },
                EnvFile = "logging.env",
            },
            Variables = new Dictionary<string, VariableValue> { ["LOG_LEVEL"] = VariableValue.Plain("info") },
            EnvFile = "job.env",
        };
        return Input(manifest) with
        {
            EnvFileArns = new Dictionary<string, string>
            {
                ["report"] = "arn:aws:s3:::bucket/manual/env-files/job.env/111.env",
                ["firelens_log_router"] = "arn:aws:s3:::bucket/manual/env-files/logging.env/222.env",
            },
        };
    }
}
