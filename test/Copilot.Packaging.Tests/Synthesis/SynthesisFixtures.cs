using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>Manifests, records and a schedule seam for synthesis tests.</summary>
internal static class SynthesisFixtures
{
    public const string KmsKeyArn = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public const string EnvControllerKey = "manual/scripts/custom-resources/envcontrollerfunction/4f1c0e2bd0a8f7b93c62d9e1e5a7c3b8d2f60a1e9c4b7d3f8a2e6c1b5d9f0a37.zip";

    /// <summary>The synthesizer; it converts schedules itself (the input carries no converted schedule).</summary>
    public static JobTemplateSynthesizer Synthesizer() => new();

    /// <summary>A job with nothing but the required fields (<c>image.location: nginx</c>, <c>@daily</c>).</summary>
    public static ScheduledJobManifest MinimalManifest(string name = "report") => new()
    {
        Name = name,
        Image = new ImageConfig { Location = "nginx" },
        Schedule = "@daily",
        Network = new NetworkConfig { Placement = "public", PlacementSpecified = true },
    };

    /// <summary>
    /// copilot's golden job (compat/job-manifest.yml) for environment <c>test</c>, built by hand with the
    /// <c>environments.test</c> override applied (labels merged, <c>DB_NAME</c> from_cfn <c>MYDB</c>).
    /// </summary>
    public static ScheduledJobManifest CompatManifest() => new()
    {
        Name = "job",
        Image = new ImageConfig
        {
            Location = "alpine",
            Labels = new Dictionary<string, string>
            {
                ["com.amazonaws.ecs.copilot.description"] = "Hello world!",
                ["com.amazonaws.ecs.copilot.coollabel"] = "Synecdoche",
            },
            DependsOn = new Dictionary<string, string> { ["nginx"] = "start" },
        },
        Cpu = 256,
        Memory = 512,
        Schedule = "0 12 * * MON",
        Retries = 3,
        Timeout = "1h",
        Storage = new StorageConfig
        {
            Ephemeral = 200,
            Volumes = new Dictionary<string, VolumeConfig>
            {
                ["managedEFSVolume"] = new() { Path = "/etc/mount1", ReadOnly = false, Efs = new EfsConfig { Enabled = true } },
            },
        },
        Topics = [new TopicConfig { Name = "mytopic", Fifo = true }],
        Secrets = new Dictionary<string, SecretValue>
        {
            ["SQL_PASS"] = SecretValue.Plain("SQL_PASS"),
            ["GIT_USERNAME"] = SecretValue.Import("stack-SSMGHUserName"),
            ["DB"] = SecretValue.FromSecretsManager("demo/test/mysql"),
        },
        Sidecars = new Dictionary<string, SidecarConfig>
        {
            ["nginx"] = new()
            {
                Essential = true,
                ImageLocation = "public.ecr.aws/nginx/nginx",
                Port = "8080",
                MountPoints = [new MountPointConfig { SourceVolume = "managedEFSVolume", Path = "/var/www" }],
                Variables = new Dictionary<string, VariableValue> { ["NGINX_PORT"] = VariableValue.Plain("8080") },
                Labels = new Dictionary<string, string> { ["com.amazonaws.ecs.copilot.sidecars.nginx.description"] = "tricky" },
                Secrets = new Dictionary<string, SecretValue>
                {
                    ["SQL_PASS"] = SecretValue.Plain("SQL_PASS"),
                    ["GIT_USERNAME"] = SecretValue.Import("stack-SSMGHUserName"),
                    ["DB"] = SecretValue.FromSecretsManager("demo/testing/mysql"),
                },
            },
        },
        Network = new NetworkConfig
        {
            Placement = "public",
            SecurityGroups =
            [
                new SecurityGroupRef("sg-0c10c4fe23f5e5361"),
                new SecurityGroupRef("sg-09295097b2a41b59d"),
                new SecurityGroupRef(null, "MyUserDBAccessSecurityGroup1"),
                new SecurityGroupRef(null, "MyUserDBAccessSecurityGroup2"),
            ],
        },
        Variables = new Dictionary<string, VariableValue> { ["DB_NAME"] = VariableValue.Import("MYDB") },
    };

    /// <summary>The records of copilot's golden case: app my-app, env test in us-west-2, account 123456789123.</summary>
    public static JobStackInput Input(ScheduledJobManifest manifest, string permissionsBoundary = "", string region = "us-west-2") => new()
    {
        Manifest = manifest,
        Application = new ApplicationRecord { Name = "my-app", Account = "123456789123", PermissionsBoundary = permissionsBoundary },
        Environment = new EnvironmentRecord
        {
            Name = "test",
            Region = region,
            AccountId = "123456789123",
            Version = "v1.42.0",
            ServiceDiscoveryEndpoint = "test.my-app.local",
            Features = ["ALBWorkloads", "EFSWorkloads", "NATWorkloads", "InternalALBWorkloads", "Aliases", "AppRunnerPrivateWorkloads"],
        },
        Regional = new RegionalResources { Region = region, Bucket = "bucket", KmsKeyArn = KmsKeyArn },
        EnvControllerCode = new S3Location("bucket", EnvControllerKey),
    };
}
