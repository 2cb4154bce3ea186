using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class ManifestValidatorTests
{
    [Test]
    public void Minimal_job_is_valid() => AssertValid(Valid());

    [Test]
    public void Copilot_golden_job_manifest_is_valid()
    {
        var secrets = new Dictionary<string, SecretValue>
        {
            ["SQL_PASS"] = SecretValue.Plain("SQL_PASS"),
            ["GIT_USERNAME"] = SecretValue.Import("stack-SSMGHUserName"),
            ["DB"] = SecretValue.FromSecretsManager("demo/test/mysql"),
        };
        var manifest = Valid() with
        {
            Image = new ImageConfig
            {
                Location = "alpine",
                Labels = new Dictionary<string, string> { ["com.amazonaws.ecs.copilot.description"] = "Hello world!" },
                DependsOn = new Dictionary<string, string> { ["nginx"] = "start" },
            },
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
            Secrets = secrets,
            Variables = new Dictionary<string, VariableValue> { ["DB_NAME"] = VariableValue.Import("MYDB") },
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = new()
                {
                    Essential = true,
                    ImageLocation = "public.ecr.aws/nginx/nginx",
                    Port = "8080",
                    MountPoints = [new MountPointConfig { SourceVolume = "managedEFSVolume", Path = "/var/www" }],
                    Variables = new Dictionary<string, VariableValue> { ["NGINX_PORT"] = VariableValue.Plain("8080") },
                    Secrets = secrets,
                },
            },
            Network = new NetworkConfig
            {
                SecurityGroups = [new("sg-0c10c4fe23f5e5361"), new("sg-09295097b2a41b59d"), new(null, "MyUserDBAccessSecurityGroup1")],
            },
        };

        AssertValid(manifest);
    }

    [Test]
    public void Independent_errors_are_all_reported_in_file_order()
    {
        var manifest = Valid(
            ("name", 1, 7),
            ("image", 4, 1),
            ("platform", 8, 11),
            ("storage.ephemeral", 12, 14),
            ("env_file", 16, 11),
            ("network.vpc.placement", 20, 16),
            ("on", 24, 1),
            ("retries", 27, 10),
            ("memory", 30, 9)) with
        {
            Name = string.Empty,
            Image = new ImageConfig(),
            Platform = new PlatformConfig { Text = "linux" },
            Storage = new StorageConfig { Ephemeral = 10 },
            EnvFile = "prod.txt",
            Network = new NetworkConfig { Placement = "dmz", PlacementSpecified = true },
            Schedule = null,
            Retries = -2,
            Memory = 4096,
        };

        var diagnostics = ManifestValidator.Validate(manifest);

        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{FilePath}:1:7: name: \"name\" must be specified; expected the job name, which is also its directory name under copilot/",
            $"{FilePath}:4:1: image: must specify one of \"build\" and \"location\"; neither is set",
            $"{FilePath}:8:11: platform: platform 'linux' must be in the format [OS]/[Arch], for example linux/x86_64",
            $"{FilePath}:12:14: storage.ephemeral: ephemeral storage must be between 20 GiB and 200 GiB; got 10",
            $"{FilePath}:16:11: env_file: environment file prod.txt must have a .env file extension; rename it, for example to prod.txt.env",
            $"{FilePath}:20:16: network.vpc.placement: \"placement\" dmz must be one of public, private (or a map with \"subnets\")",
            $"{FilePath}:24:1: on.schedule: \"schedule\" must be specified under \"on\"; expected for example \"@daily\", \"@every 1h\", a cron expression or \"none\"",
            $"{FilePath}:27:10: retries: number of retries cannot be negative; got -2, expected 0 to 35",
            $"{FilePath}:30:9: memory: memory 4096 is not available with cpu 256 on Fargate; expected 512, 1024 or 2048 MiB",
        }));
        Assert.That(diagnostics.Select(d => d.Severity), Has.All.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Diagnostics_can_be_raised_together_as_one_user_error()
    {
        var manifest = Valid(("on", 24, 1)) with { Name = string.Empty, Schedule = null };

        var error = new CopilotJobException(ManifestValidator.Validate(manifest));

        Assert.That(error.Describe().Split(Environment.NewLine), Has.Length.EqualTo(2));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(FilePath, 1, 1)));
    }
}
