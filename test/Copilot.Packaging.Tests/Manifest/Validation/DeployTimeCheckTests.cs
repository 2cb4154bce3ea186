using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation.Rules;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

/// <summary>Checks copilot leaves to rendering, CloudFormation, ECS or Step Functions, made locally.</summary>
public class DeployTimeCheckTests
{
    [TestCase(256, 512)]
    [TestCase(256, 2048)]
    [TestCase(512, 3072)]
    [TestCase(1024, 8192)]
    [TestCase(2048, 16384)]
    [TestCase(4096, 30720)]
    [TestCase(8192, 61440)]
    [TestCase(16384, 32768)]
    [TestCase(16384, 122880)]
    public void Fargate_task_sizes_are_accepted(int cpu, int memory) =>
        AssertValid(Valid() with { Cpu = cpu, Memory = memory });

    [TestCase(256, 1536, "expected 512, 1024 or 2048 MiB")]
    [TestCase(256, 4096, "expected 512, 1024 or 2048 MiB")]
    [TestCase(1024, 1024, "expected 2048 to 8192 in steps of 1024 MiB")]
    [TestCase(8192, 18432, "expected 16384 to 61440 in steps of 4096 MiB")]
    [TestCase(16384, 131072, "expected 32768 to 122880 in steps of 8192 MiB")]
    public void Memory_outside_the_cpu_size_is_refused(int cpu, int memory, string expected)
    {
        var manifest = Valid(("memory", 20, 9)) with { Cpu = cpu, Memory = memory };

        AssertError(SingleError(manifest), "memory", $"{FilePath}:20:9", $"memory {memory} is not available with cpu {cpu} on Fargate; {expected}");
    }

    [Test]
    public void Cpu_that_is_not_a_fargate_size_is_refused()
    {
        var manifest = Valid(("cpu", 18, 6)) with { Cpu = 300 };

        AssertError(SingleError(manifest), "cpu", $"{FilePath}:18:6", "cpu 300 is not a task size Fargate offers; expected one of 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units");
    }

    [TestCase(512, 1024)]
    [TestCase(8192, 16384)]
    public void Windows_tasks_need_1_to_4_vcpu(int cpu, int memory)
    {
        var manifest = Valid() with { Platform = new PlatformConfig { Text = "windows/x86_64" }, Cpu = cpu, Memory = memory };

        Assert.That(SingleError(manifest).Message, Does.StartWith($"cpu {cpu} is not a task size Windows containers on Fargate offers; expected one of 1024, 2048 or 4096 CPU units"));
    }

    [Test]
    public void Task_size_is_not_checked_when_taskdef_overrides_replace_it() =>
        AssertValid(Valid() with { Cpu = 300, TaskDefOverrides = [new TaskDefOverride("Cpu", null)] });

    [TestCase("1h30m")]
    [TestCase("1s")]
    [TestCase("8760h")]
    public void Timeouts_of_whole_seconds_up_to_a_year_are_accepted(string timeout) =>
        AssertValid(Valid() with { Timeout = timeout });

    [TestCase("5 hours", "parse duration: time: unknown unit \" hours\" in duration \"5 hours\"")]
    [TestCase("500ms", "timeout must be greater than or equal to 1 second")]
    [TestCase("-1h", "timeout must be greater than or equal to 1 second")]
    [TestCase("1.5s", "timeout must be a whole number of seconds, minutes, or hours")]
    [TestCase("8761h", "timeout must be at most 8760h")]
    public void Invalid_timeouts_are_refused(string timeout, string message)
    {
        var manifest = Valid(("timeout", 28, 10)) with { Timeout = timeout };

        AssertError(SingleError(manifest), "timeout", $"{FilePath}:28:10", message);
    }

    [TestCase(0)]
    [TestCase(35)]
    public void Retries_from_0_to_35_are_accepted(int retries) =>
        AssertValid(Valid() with { Retries = retries });

    [TestCase(-1, "number of retries cannot be negative")]
    [TestCase(36, "number of retries cannot exceed 35")]
    public void Retries_outside_0_to_35_are_refused(int retries, string message)
    {
        var manifest = Valid(("retries", 26, 10)) with { Retries = retries };

        AssertError(SingleError(manifest), "retries", $"{FilePath}:26:10", message);
    }

    [Test]
    public void Retry_bound_is_the_last_retry_that_starts_within_a_year()
    {
        static double WaitBeforeRetry(int n) => 20 * (Math.Pow(1.5, n) - 1);
        var year = TimeoutRule.Maximum.TotalSeconds;

        Assert.That(WaitBeforeRetry(RetriesRule.Maximum), Is.LessThanOrEqualTo(year));
        Assert.That(WaitBeforeRetry(RetriesRule.Maximum + 1), Is.GreaterThan(year));
    }

    [Test]
    public void Health_check_within_ecs_limits_is_accepted() =>
        AssertValid(Valid() with
        {
            Image = new ImageConfig
            {
                Location = "nginx",
                HealthCheck = new HealthCheckConfig { Interval = "5m", Timeout = "2s", StartPeriod = "0s", Retries = 10 },
            },
        });

    [TestCase("interval", "4s", "health check \"interval\" must be between 5s and 300s; got 4s")]
    [TestCase("timeout", "121s", "health check \"timeout\" must be between 2s and 120s; got 121s")]
    [TestCase("start_period", "5m1s", "health check \"start_period\" must be between 0s and 300s; got 5m1s")]
    [TestCase("interval", "ten", "health check \"interval\" is not a duration: time: invalid duration \"ten\"")]
    public void Health_check_durations_outside_ecs_limits_are_refused(string key, string value, string message)
    {
        var check = key switch
        {
            "interval" => new HealthCheckConfig { Interval = value },
            "timeout" => new HealthCheckConfig { Timeout = value },
            _ => new HealthCheckConfig { StartPeriod = value },
        };
        var manifest = Valid(($"image.healthcheck.{key}", 16, 15)) with { Image = new ImageConfig { Location = "nginx", HealthCheck = check } };

        AssertError(SingleError(manifest), $"image.healthcheck.{key}", $"{FilePath}:16:15", message);
    }

    [TestCase(0)]
    [TestCase(11)]
    public void Sidecar_health_check_retries_outside_1_to_10_are_refused(int retries)
    {
        var manifest = Valid() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = Sidecar(s => s with { HealthCheck = new HealthCheckConfig { Retries = retries } }),
            },
        };

        var error = SingleError(manifest);

        Assert.That(error.FieldPath, Is.EqualTo("sidecars.nginx.healthcheck.retries"));
        Assert.That(error.Message, Does.StartWith("health check \"retries\" must be between 1 and 10"));
    }

    [TestCase("GITHUB_TOKEN")]
    [TestCase("/copilot/app/env/secrets/token")]
    [TestCase("arn:aws:ssm:us-east-1:123456789012:parameter/copilot/token")]
    [TestCase("arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/token")]
    [TestCase("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::")]
    [TestCase("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db")]
    public void Secret_names_and_valid_arns_are_accepted(string value) =>
        AssertValid(Valid() with { Secrets = new Dictionary<string, SecretValue> { ["S"] = SecretValue.Plain(value) } });

    [TestCase("arn:aws:ssm:us-east-1:123456789012:token")]
    [TestCase("arn:aws:s3:::bucket/key")]
    [TestCase("arn:aws:secretsmanager:us-east-1:1234:secret:db")]
    [TestCase("arn:aws:ssm:us-east-1:123456789012:secret:db")]
    public void Secret_written_as_a_malformed_arn_is_refused(string value)
    {
        var manifest = Valid(("secrets.DB", 30, 7)) with { Secrets = new Dictionary<string, SecretValue> { ["DB"] = SecretValue.Plain(value) } };

        AssertError(
            SingleError(manifest),
            "secrets.DB",
            $"{FilePath}:30:7",
            "secret \"DB\" is written as an ARN but is not a valid SSM parameter or Secrets Manager secret ARN");
    }

    [Test]
    public void Log_router_secret_options_are_checked_too()
    {
        var manifest = Valid() with
        {
            Logging = new LoggingConfig { SecretOptions = new Dictionary<string, SecretValue> { ["apikey"] = SecretValue.Plain("arn:aws:ssm:bad") } },
        };

        Assert.That(SingleError(manifest).FieldPath, Is.EqualTo("logging.secretOptions.apikey"));
    }

    [Test]
    public void Registry_credentials_must_be_a_secrets_manager_arn()
    {
        var manifest = Valid(("image.credentials", 7, 16)) with
        {
            Image = new ImageConfig { Location = "private.example.com/app", Credentials = "arn:aws:ssm:us-east-1:123456789012:parameter/creds" },
        };

        AssertError(SingleError(manifest), "image.credentials", $"{FilePath}:7:16", "registry credentials must be the ARN of a Secrets Manager secret");
    }

    [Test]
    public void Sidecar_credentials_parameter_with_a_secret_arn_is_accepted() =>
        AssertValid(Valid() with
        {
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = Sidecar(s => s with { CredentialsParameter = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf" }),
            },
        });
}
