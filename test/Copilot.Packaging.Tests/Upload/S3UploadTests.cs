using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Testing;
using Copilot.Testing.Moto;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>S3 uploads of <c>--upload-assets</c> against moto: env files, addons (assets and template), env-controller code.</summary>
[TestFixture]
[Category(TestCategories.Moto)]
[NonParallelizable] // lists the shared artifact bucket, which ImageUploadTests writes to as well
public sealed class S3UploadTests
{
    private const string Bucket = UploadScene.Bucket;

    private MotoServer server = null!;
    private UploadScene scene = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await SharedMoto.SeededAsync(nameof(CopilotWorld), s => new CopilotWorld(s).SeedAsync());
    }

    [SetUp]
    public void CreateScene() => scene = new UploadScene(server);

    [TearDown]
    public void DeleteScene() => scene.Dispose();

    [Test]
    public async Task Env_files_are_uploaded_once_under_content_hash_keys()
    {
        var common = $"LOG_LEVEL=debug\nRUN={Guid.NewGuid()}\n";
        var logging = $"FLB_LOG_LEVEL=info\nRUN={Guid.NewGuid()}\n";
        scene.Write("env/common.env", common);
        scene.Write("env/logging.env", logging);
        var manifest = new ScheduledJobManifest
        {
            Name = "report",
            Image = new ImageConfig { Location = "alpine" },
            EnvFile = "env/common.env",
            Sidecars = new Dictionary<string, SidecarConfig>
            {
                ["nginx"] = new() { ImageLocation = "nginx", EnvFile = "env/common.env" },
                ["plain"] = new() { ImageLocation = "busybox" },
            },
            Logging = new LoggingConfig { EnvFile = "env/logging.env" },
        };

        var result = await scene.UploadAsync(scene.Request(manifest));

        var commonKey = $"manual/env-files/common.env/{Sha256(common)}.env";
        var loggingKey = $"manual/env-files/logging.env/{Sha256(logging)}.env";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.EnvFileArns, Is.EqualTo(new Dictionary<string, string>
            {
                ["report"] = $"arn:aws:s3:::{Bucket}/{commonKey}",
                ["nginx"] = $"arn:aws:s3:::{Bucket}/{commonKey}",
                ["firelens_log_router"] = $"arn:aws:s3:::{Bucket}/{loggingKey}",
            }));
            Assert.That(Encoding.UTF8.GetString(await scene.ReadObjectAsync(commonKey)), Is.EqualTo(common));
            Assert.That(Encoding.UTF8.GetString(await scene.ReadObjectAsync(loggingKey)), Is.EqualTo(logging));
            Assert.That(scene.Reporter.Infos.Count(l => l.StartsWith("Uploaded env file env/common.env", StringComparison.Ordinal)), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task The_env_controller_zip_is_uploaded_at_its_content_hash_key()
    {
        var result = await scene.UploadAsync(scene.Request(new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Location = "alpine" } }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.EnvControllerCode, Is.EqualTo(new S3Location(Bucket, EnvControllerCode.S3Key)));
            Assert.That(await scene.ReadObjectAsync(EnvControllerCode.S3Key), Is.EqualTo(EnvControllerCode.Zip.ToArray()));
            Assert.That(result.AddonsTemplateUrl, Is.Empty);
            Assert.That(result.PackagedAddonsTemplate, Is.Null);
            Assert.That(result.EnvFileArns, Is.Empty);
        }
    }

    [Test]
    public async Task Addons_local_assets_are_zipped_uploaded_and_replaced_and_the_template_is_uploaded()
    {
        var run = Guid.NewGuid().ToString();
        var index = $"exports.handler = async () => '{run}';\n";
        var util = "module.exports = 42;\n";
        scene.Write("lambdas/handler/index.js", index);
        scene.Write("lambdas/handler/lib/util.js", util);
        var schema = $"type Query {{ run: String }} # {run}\n";
        scene.Write("schema.graphql", schema);
        scene.Write("copilot/report/addons/functions.yml", """
            Parameters:
              App:
                Type: String
              Env:
                Type: String
              Name:
                Type: String
            Resources:
              Handler:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  Code: lambdas/handler
              Schema:
                Type: AWS::AppSync::GraphQLSchema
                Properties:
                  ApiId: api
                  DefinitionS3Location: schema.graphql
              Remote:
                Type: AWS::Lambda::Function
                Properties:
                  Code: s3://elsewhere/code.zip
            """);
        var addons = scene.ReadAddons("report")!;
        var originalText = addons.Text;

        var result = await scene.UploadAsync(scene.Request(new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Location = "alpine" } }, addons: addons));

        var assetHash = ZipHash(("index.js", index), ("lib/util.js", util));
        var assetKey = $"manual/addons/report/assets/{assetHash}";
        var schemaKey = $"manual/addons/report/assets/{Sha256(schema)}";
        var templateKey = $"manual/addons/report/{Sha256(result.PackagedAddonsTemplate!)}.yml";
        var resources = (YamlMappingNode)Parse(result.PackagedAddonsTemplate!)["Resources"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar(resources, "Handler", "Code", "S3Bucket"), Is.EqualTo(Bucket));
            Assert.That(Scalar(resources, "Handler", "Code", "S3Key"), Is.EqualTo(assetKey));
            Assert.That(Scalar(resources, "Schema", "DefinitionS3Location"), Is.EqualTo($"s3://{Bucket}/{schemaKey}"));
            Assert.That(Scalar(resources, "Remote", "Code"), Is.EqualTo("s3://elsewhere/code.zip"));
            Assert.That(result.AddonsTemplateUrl, Is.EqualTo($"https://{Bucket}.s3.us-west-2.amazonaws.com/{templateKey}"));
            Assert.That(Encoding.UTF8.GetString(await scene.ReadObjectAsync(templateKey)), Is.EqualTo(result.PackagedAddonsTemplate));
            Assert.That(Encoding.UTF8.GetString(await scene.ReadObjectAsync(schemaKey)), Is.EqualTo(schema));
            Assert.That(ZipEntries(await scene.ReadObjectAsync(assetKey)), Is.EqualTo(new Dictionary<string, string> { ["index.js"] = index, ["lib/util.js"] = util }));
            Assert.That(addons.Text, Is.EqualTo(originalText), "the caller's addons template is not modified");
        }
    }

    [Test]
    public async Task A_second_run_with_the_same_content_uploads_nothing_and_gives_the_same_result()
    {
        var run = Guid.NewGuid().ToString();
        scene.Write("env/app.env", $"RUN={run}\n");
        scene.Write("lambda/main.py", $"# {run}\n");
        scene.Write("copilot/report/addons/fn.yml", """
            Parameters:
              App: {Type: String}
              Env: {Type: String}
              Name: {Type: String}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: lambda/main.py
            """);
        var manifest = new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Location = "alpine" }, EnvFile = "env/app.env" };

        var first = await scene.UploadAsync(scene.Request(manifest, addons: scene.ReadAddons("report")));
        var firstLines = scene.Reporter.Infos.Count;
        var keysAfterFirst = await scene.ListKeysAsync("manual/");
        var second = await scene.UploadAsync(scene.Request(manifest, addons: scene.ReadAddons("report")));
        var secondLines = scene.Reporter.Infos.Skip(firstLines).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first).Using<Packaging.Upload.UploadResult>(SameResult));
            Assert.That(await scene.ListKeysAsync("manual/"), Is.EquivalentTo(keysAfterFirst));
            Assert.That(secondLines, Has.Count.EqualTo(4), "env file, addons asset, addons template, env-controller code");
            Assert.That(secondLines, Has.All.Contains(" is already in s3://"));
            Assert.That(scene.Reporter.Infos.Take(firstLines), Has.Some.StartsWith("Uploaded env file env/app.env"));
        }
    }

    [Test]
    public void A_missing_env_file_names_the_file()
    {
        var manifest = new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Location = "alpine" }, EnvFile = "env/missing.env" };

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(manifest)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.StartWith("upload resources required for deployment for report: read env file env/missing.env: "));
            Assert.That(error.Recommendation, Does.Contain("relative to the workspace root"));
        }
    }

    [Test]
    public void A_missing_addons_asset_names_the_resource_and_the_path()
    {
        scene.Write("copilot/report/addons/fn.yml", """
            Parameters:
              App: {Type: String}
              Env: {Type: String}
              Name: {Type: String}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Code: lambdas/gone
            """);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => scene.UploadAsync(scene.Request(
            new ScheduledJobManifest { Name = "report", Image = new ImageConfig { Location = "alpine" } }, addons: scene.ReadAddons("report"))));

        Assert.That(error.Message, Does.StartWith("upload resources required for deployment for report: package addons: Fn.Properties.Code: the local path \"lambdas/gone\" does not exist"));
    }

    private static bool SameResult(Packaging.Upload.UploadResult a, Packaging.Upload.UploadResult b) =>
        a.ContainerImage == b.ContainerImage
        && a.AddonsTemplateUrl == b.AddonsTemplateUrl
        && a.PackagedAddonsTemplate == b.PackagedAddonsTemplate
        && a.EnvControllerCode == b.EnvControllerCode
        && a.EnvFileArns.OrderBy(p => p.Key).SequenceEqual(b.EnvFileArns.OrderBy(p => p.Key))
        && a.SidecarImages.OrderBy(p => p.Key).SequenceEqual(b.SidecarImages.OrderBy(p => p.Key));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>copilot's zip hash, written out independently: per file "name mode" then the bytes, files of mode 0644.</summary>
    private static string ZipHash(params (string Name, string Content)[] files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name} -rw-r--r--"));
            hash.AppendData(Encoding.UTF8.GetBytes(content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Dictionary<string, string> ZipEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode resources, string resource, params string[] path)
    {
        YamlNode node = ((YamlMappingNode)resources[resource])["Properties"];
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value;
    }
}
