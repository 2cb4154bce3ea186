using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Testing;
using Copilot.Testing.Moto;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// <c>package --upload-assets</c> through the real host against moto, with the recording <c>docker</c> and <c>git</c>
/// first on the PATH the console's variables give: host → packager → connector → uploader → docker and S3.
/// </summary>
[TestFixture]
[Category(TestCategories.Process)]
[Category(TestCategories.CfnLint)]
public sealed class UploadAssetsToolTests : DeployableMotoFixture
{
    private const string Repository = "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-generator";
    private const string EnvFilePath = "report-generator/job.env";
    private const string EnvFileText = "REPORT_FORMAT=pdf\nPAGE_SIZE=a4\n";

    [Test]
    public async Task Upload_assets_builds_and_pushes_the_image_uploads_the_assets_and_fills_the_parameters()
    {
        using var workspace = WorkspaceWithEnvFile();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        await DeleteObjectAsync(EnvControllerCode.S3Key);

        var run = await InProcessTool.RunAsync(
            workspace.Path, Variables(workspace, toolbox), string.Empty, false,
            "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stderr, Does.Not.Contain("did not upload"), "everything the template refers to was uploaded");
        var docker = toolbox.DockerCalls;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(docker.Select(c => c[0]), Is.EqualTo(new[] { "info", "login", "build", "push", "inspect" }), string.Join("\n", toolbox.Calls));
            Assert.That(docker.Single(c => c[0] == "login")[^1], Is.EqualTo(Repository));
            Assert.That(docker.Single(c => c[0] == "build"), Does.Contain($"{Repository}:latest"));
            Assert.That(docker.Single(c => c[0] == "push")[1], Is.EqualTo($"{Repository}:latest"));
            Assert.That(docker.Single(c => c[0] == "inspect")[^1], Is.EqualTo($"{Repository}:latest"));
        }

        var parameters = Parameters(workspace);
        var envFileKey = $"manual/env-files/job.env/{Sha256Hex(Encoding.UTF8.GetBytes(EnvFileText))}.env";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(parameters["ContainerImage"], Is.EqualTo($"{Repository}@{FakeToolbox.Digest}"));
            Assert.That(parameters["EnvFileARN"], Is.EqualTo($"arn:aws:s3:::{DeployableWorld.Bucket}/{envFileKey}"));
            Assert.That(await ReadObjectAsync(envFileKey), Is.EqualTo(Encoding.UTF8.GetBytes(EnvFileText)), "the env file is in S3 under its content hash");
            Assert.That(await ReadObjectAsync(EnvControllerCode.S3Key), Is.EqualTo(EnvControllerCode.Zip.ToArray()), "the env-controller zip (deleted before the run) is uploaded again under its content hash");
            Assert.That(EnvControllerCode.S3Key, Does.EndWith($"/{Sha256Hex(EnvControllerCode.Zip.ToArray())}.zip"));
        }

        Assert.That(CfnLint.Run([workspace.File($"out/{AwsWorkspace.Job}-test.stack.yml")]).Where(f => f.IsRealError), Is.Empty);
    }

    [Test]
    public async Task Without_upload_assets_the_objects_it_would_upload_are_listed_once_under_the_keys_it_would_use()
    {
        using var workspace = WorkspaceWithEnvFile();

        var run = await InProcessTool.RunAsync(
            workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false,
            "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var envFileKey = $"manual/env-files/job.env/{Sha256Hex(Encoding.UTF8.GetBytes(EnvFileText))}.env";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr.Split("did not upload").Length - 1, Is.EqualTo(1), "said once");
            Assert.That(run.Stderr, Does.Contain(
                "warning: the template refers to S3 objects this run did not upload; package with the assets uploaded to upload them "
                + "(and fill in their parameters), or copy them there yourself before you deploy:\n"
                + $"  s3://{DeployableWorld.Bucket}/{EnvControllerCode.S3Key}: the env-controller Lambda code (EnvControllerFunction); the template names this bucket and key\n"
                + $"  s3://{DeployableWorld.Bucket}/{envFileKey}: env_file {EnvFilePath} of {AwsWorkspace.Job}; its ARN parameter stays empty"));
        }
    }

    [Test]
    public async Task With_a_tag_the_image_is_pushed_under_the_tag_and_the_parameter_names_it()
    {
        using var workspace = WorkspaceWithEnvFile();
        var toolbox = new FakeToolbox(workspace.File(".tools"));

        var run = await InProcessTool.RunAsync(
            workspace.Path, Variables(workspace, toolbox), string.Empty, false,
            "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--tag", "v1", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                toolbox.DockerCalls.Where(c => c[0] == "push").Select(c => c[1]),
                Is.EqualTo(new[] { $"{Repository}:latest", $"{Repository}:v1" }));
            Assert.That(Parameters(workspace)["ContainerImage"], Is.EqualTo($"{Repository}:v1"));
        }
    }

    [Test]
    public async Task Offline_with_a_records_file_upload_assets_fails_clearly_and_writes_nothing()
    {
        using var workspace = Workspace.CopyOfExample();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var variables = new Dictionary<string, string> { ["PATH"] = toolbox.SearchPath, ["HOME"] = Home(workspace) };

        var run = await InProcessTool.RunAsync(
            workspace.Path, variables, string.Empty, false,
            "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("✘ --upload-assets needs AWS (it pushes images to ECR and uploads assets to S3): no AWS region is configured"));
            Assert.That(run.Stderr, Does.Contain("Set one with --region"), "says how to configure a region");
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(toolbox.Calls, Is.Empty, "docker is not run without AWS");
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task Without_docker_on_the_path_upload_assets_says_docker_is_needed_and_writes_nothing()
    {
        using var workspace = WorkspaceWithEnvFile();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        toolbox.RemoveDocker();

        var run = await InProcessTool.RunAsync(
            workspace.Path, Variables(workspace, toolbox), string.Empty, false,
            "package", "-n", AwsWorkspace.Job, "-e", "test", "--upload-assets", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("✘ upload resources required for deployment for report-generator: check if docker engine is running: docker executable not found in $PATH"));
            Assert.That(run.Stderr, Does.Contain("--upload-assets needs it to build images"));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    // The example workspace (records from moto) with an env_file for the job.
    private static Workspace WorkspaceWithEnvFile()
    {
        var workspace = AwsWorkspace.WithoutRecords();
        var manifest = workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.AppendAllText(manifest, $"env_file: {EnvFilePath}\n");
        workspace.Write(EnvFilePath, EnvFileText);
        return workspace;
    }

    // What a shell pointed at moto would have, with the recording tools first on PATH and a HOME without docker config.
    private Dictionary<string, string> Variables(Workspace workspace, FakeToolbox toolbox)
    {
        var variables = AwsWorkspace.Variables(Server);
        variables["PATH"] = toolbox.SearchPath;
        variables["HOME"] = Home(workspace);
        return variables;
    }

    private static string Home(Workspace workspace) => Directory.CreateDirectory(workspace.File(".home")).FullName;

    private static Dictionary<string, string> Parameters(Workspace workspace)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(workspace.File($"out/{AwsWorkspace.Job}-test.params.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var parameters = (YamlMappingNode)root.Children[new YamlScalarNode("Parameters")];
        return parameters.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? string.Empty);
    }

    private async Task<byte[]> ReadObjectAsync(string key)
    {
        using var s3 = S3Client();
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = DeployableWorld.Bucket, Key = key });
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task DeleteObjectAsync(string key)
    {
        using var s3 = S3Client();
        await s3.DeleteObjectAsync(DeployableWorld.Bucket, key);
    }

    private AmazonS3Client S3Client() => new(
        new BasicAWSCredentials("testing", "testing"),
        new AmazonS3Config { ServiceURL = Server.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = CopilotWorld.Region });

    private static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
