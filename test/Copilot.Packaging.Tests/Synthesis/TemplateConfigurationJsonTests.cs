using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;
using Copilot.Packaging.Synthesis;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class TemplateConfigurationJsonTests
{
    private const string PushedImage = "111111111111.dkr.ecr.us-west-2.amazonaws.com/phonetool/frontend:manual-bf3678c";

    private static JobStackInput PhonetoolInput(string job, IReadOnlyDictionary<string, string>? tags = null) => new()
    {
        Manifest = new ScheduledJobManifest { Name = job, Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "Dockerfile" } }, Schedule = "@daily" },
        Application = new ApplicationRecord { Name = "phonetool", Account = "111111111111", Tags = tags ?? new Dictionary<string, string>() },
        Environment = new EnvironmentRecord { Name = "test", Region = "us-west-2", AccountId = "111111111111", Version = "v1.42.0" },
        Regional = new RegionalResources { Region = "us-west-2", Bucket = "bucket", KmsKeyArn = string.Empty },
        EnvControllerCode = new S3Location("bucket", "key.zip"),
        ContainerImage = PushedImage,
    };

    [Test]
    public void T_PAR_01_parameters_of_a_pushed_image_job()
    {
        var parameters = Synthesizer().Synthesize(PhonetoolInput("frontend")).Configuration.Parameters;

        Assert.That(parameters, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["AppName"] = "phonetool",
            ["EnvName"] = "test",
            ["WorkloadName"] = "frontend",
            ["ContainerImage"] = PushedImage,
            ["TaskCPU"] = "256",
            ["TaskMemory"] = "512",
            ["TaskCount"] = "1",
            ["LogRetention"] = "30",
            ["AddonsTemplateURL"] = string.Empty,
            ["EnvFileARN"] = string.Empty,
            ["ArtifactKeyARN"] = string.Empty,
            ["Schedule"] = "cron(0 0 * * ? *)",
        }));
    }

    [Test]
    public void T_PAR_02_serialized_parameters_and_tags_are_byte_exact()
    {
        var stack = Synthesizer().Synthesize(PhonetoolInput("mailer", new Dictionary<string, string> { ["owner"] = "boss" }));

        var json = TemplateConfigurationJson.Write(stack.Configuration);

        Assert.That(json, Is.EqualTo($$"""
            {
              "Parameters": {
                "AddonsTemplateURL": "",
                "AppName": "phonetool",
                "ArtifactKeyARN": "",
                "ContainerImage": "{{PushedImage}}",
                "EnvFileARN": "",
                "EnvName": "test",
                "LogRetention": "30",
                "Schedule": "cron(0 0 * * ? *)",
                "TaskCPU": "256",
                "TaskCount": "1",
                "TaskMemory": "512",
                "WorkloadName": "mailer"
              },
              "Tags": {
                "copilot-application": "phonetool",
                "copilot-environment": "test",
                "copilot-service": "mailer",
                "owner": "boss"
              }
            }
            """));
    }

    [Test]
    public void Strings_are_escaped_like_go_html_safe_json()
    {
        var configuration = new TemplateConfiguration(
            new Dictionary<string, string> { ["A"] = "a&b<c>d\u2028e\u2029f\"g\\h\ni\tj\u0001k" },
            new Dictionary<string, string>());

        var json = TemplateConfigurationJson.Write(configuration);

        Assert.That(json, Is.EqualTo("{\n  \"Parameters\": {\n    \"A\": \"a\\u0026b\\u003cc\\u003ed\\u2028e\\u2029f\\\"g\\\\h\\ni\\tj\\u0001k\"\n  }\n}"));
    }

    [Test]
    public void Keys_sort_by_bytes_so_upper_case_comes_first()
    {
        var configuration = new TemplateConfiguration(
            new Dictionary<string, string> { ["b"] = "1", ["B"] = "2", ["a"] = "3" },
            new Dictionary<string, string> { ["z"] = "1" });

        var json = TemplateConfigurationJson.Write(configuration);

        Assert.That(json, Is.EqualTo("{\n  \"Parameters\": {\n    \"B\": \"2\",\n    \"a\": \"3\",\n    \"b\": \"1\"\n  },\n  \"Tags\": {\n    \"z\": \"1\"\n  }\n}"));
    }

    [Test]
    public void Copilot_tags_win_over_application_tags_with_the_same_key()
    {
        var tags = new Dictionary<string, string> { ["copilot-service"] = "other", ["team"] = "data" };

        var configuration = Synthesizer().Synthesize(PhonetoolInput("mailer", tags)).Configuration;

        Assert.That(configuration.Tags["copilot-service"], Is.EqualTo("mailer"));
        Assert.That(configuration.Tags["team"], Is.EqualTo("data"));
    }

    [Test]
    public void Logging_and_sidecar_env_file_parameters_take_uploaded_arns()
    {
        var manifest = MinimalManifest() with
        {
            Logging = new LoggingConfig { Retention = 7, Image = "fluent-bit" },
            Sidecars = new Dictionary<string, SidecarConfig> { ["web-proxy"] = new() { ImageLocation = "envoy" } },
            Cpu = 1024,
            Memory = 2048,
            Count = 3,
        };
        var input = Input(manifest) with
        {
            EnvFileArns = new Dictionary<string, string> { ["web-proxy"] = "arn:aws:s3:::bucket/a.env", ["report"] = "arn:aws:s3:::bucket/b.env" },
            AddonsTemplateUrl = "https://bucket.s3.us-west-2.amazonaws.com/manual/addons/report/x.yml",
        };

        var parameters = Synthesizer().Synthesize(input).Configuration.Parameters;

        Assert.That(parameters["LoggingEnvFileARN"], Is.Empty);
        Assert.That(parameters["EnvFileARNForwebproxy"], Is.EqualTo("arn:aws:s3:::bucket/a.env"));
        Assert.That(parameters["EnvFileARN"], Is.EqualTo("arn:aws:s3:::bucket/b.env"));
        Assert.That(parameters["AddonsTemplateURL"], Is.EqualTo(input.AddonsTemplateUrl));
        Assert.That(parameters["LogRetention"], Is.EqualTo("7"));
        Assert.That((parameters["TaskCPU"], parameters["TaskMemory"], parameters["TaskCount"]), Is.EqualTo(("1024", "2048", "3")));
        Assert.That(parameters["ContainerImage"], Is.EqualTo("nginx"));
    }

    [Test]
    public void A_built_image_that_was_not_pushed_leaves_the_container_image_empty()
    {
        var input = PhonetoolInput("mailer") with { ContainerImage = null };

        Assert.That(Synthesizer().Synthesize(input).Configuration.Parameters["ContainerImage"], Is.Empty);
    }
}
