using System.IO.Abstractions;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Adapters;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Aws.Upload;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Records;
using Copilot.Testing.Moto;
using Copilot.Testing.Tools;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>
/// One upload test's world: a workspace in a temp directory, the recording docker/git scripts, a HOME of its own,
/// and an <see cref="AssetUploader"/> wired to a moto server seeded by <see cref="CopilotWorld"/>.
/// </summary>
internal sealed class UploadScene : IDisposable
{
    public const string Bucket = "my-app-artifacts-us-west-2";
    public const string Repository = "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report";

    private readonly TempDirectory temp = new();
    private readonly MotoServer server;
    private readonly Dictionary<string, string> variables;

    public UploadScene(MotoServer server)
    {
        this.server = server;
        Directory.CreateDirectory(WorkspaceRoot);
        Directory.CreateDirectory(Home);
        Toolbox = new FakeToolbox(Path.Combine(temp.Path, "tools"));
        variables = new Dictionary<string, string> { ["PATH"] = Toolbox.SearchPath, ["HOME"] = Home };
    }

    public string WorkspaceRoot => Path.Combine(temp.Path, "workspace");

    public string Home => Path.Combine(temp.Path, "home");

    public FakeToolbox Toolbox { get; }

    public RecordingReporter Reporter { get; } = new();

    public void SetVariable(string name, string value) => variables[name] = value;

    /// <summary>Writes a workspace file and returns its absolute path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(WorkspaceRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return full;
    }

    public AddonsTemplate? ReadAddons(string job) =>
        AddonsReader.Read(new FileSystem(), Path.Combine(WorkspaceRoot, "copilot", job, "addons"), $"copilot/{job}/addons");

    public UploadRequest Request(ScheduledJobManifest manifest, string? tag = null, AddonsTemplate? addons = null, IReadOnlyDictionary<string, string>? repositories = null) => new()
    {
        Manifest = manifest,
        ApplicationName = CopilotWorld.App,
        JobName = manifest.Name,
        EnvironmentName = CopilotWorld.Env,
        WorkspaceRoot = WorkspaceRoot,
        Regional = new RegionalResources
        {
            Region = CopilotWorld.Region,
            Bucket = Bucket,
            KmsKeyArn = "arn:aws:kms:us-west-2:123456789012:key/1234",
            Repositories = repositories ?? new Dictionary<string, string> { ["report"] = Repository },
        },
        Environment = new EnvironmentRecord
        {
            Name = CopilotWorld.Env,
            Region = CopilotWorld.Region,
            AccountId = MotoServer.Account,
            ManagerRoleArn = CopilotWorld.ManagerRoleArn,
            Version = "v1.42.0",
        },
        Tag = tag,
        Addons = addons,
        Reporter = Reporter,
    };

    public async Task<UploadResult> UploadAsync(UploadRequest request)
    {
        using var context = server.CreateContext();
        var env = new DictionaryEnvironmentVariables(new Dictionary<string, string>(variables));
        return await new AssetUploader(context, new ProcessRunner(env), new FileSystem(), env).UploadAsync(request, CancellationToken.None);
    }

    /// <summary>The bytes of an object in the artifact bucket.</summary>
    public async Task<byte[]> ReadObjectAsync(string key)
    {
        using var s3 = S3Client();
        using var response = await s3.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>The keys in the artifact bucket under <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string prefix)
    {
        using var s3 = S3Client();
        var response = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return [.. (response.S3Objects ?? []).Select(o => o.Key)];
    }

    public void Dispose() => temp.Dispose();

    private AmazonS3Client S3Client() => new(
        new BasicAWSCredentials("testing", "testing"),
        new AmazonS3Config { ServiceURL = server.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = CopilotWorld.Region });
}
