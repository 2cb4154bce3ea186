using System.Net;
using System.Net.Sockets;
using Copilot.Testing;
using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// What the host does when AWS fails: an endpoint where nothing listens, and a moto that checks signatures and IAM
/// after its first four requests (<c>INITIAL_NO_AUTH_ACTION_COUNT=4</c>, spent creating a user with keys that may
/// only call sts:GetCallerIdentity, and the app record). Each ends with one clear message, the right exit code and no files.
/// </summary>
[TestFixture]
[Category(TestCategories.Moto)]
public sealed class AwsFaultToolTests
{
    private MotoServer _server = null!;
    private Dictionary<string, string> _readerVariables = null!;
    private Workspace _workspace = null!;

    [OneTimeSetUp]
    public async Task StartCheckingMotoAndCreateAUser()
    {
        _server = await MotoServer.StartAsync(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "4" });
        using var context = _server.CreateContext("us-east-1");
        var iam = context.QueryClient("IAM", "iam", "us-east-1", null, "2010-05-08");
        await iam.CallAsync("CreateUser", [new("UserName", "reader")], CancellationToken.None);
        var key = (await iam.CallAsync("CreateAccessKey", [new("UserName", "reader")], CancellationToken.None)).Descendants().ToList();
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetCallerIdentity"],"Resource":"*"}]}""";
        await iam.CallAsync("PutUserPolicy", [new("UserName", "reader"), new("PolicyName", "identity-only"), new("PolicyDocument", policy)], CancellationToken.None);
        await new CopilotWorld(_server).PutParameterAsync("/copilot/applications/my-app", CopilotWorld.ApplicationJson("my-app"));
        _readerVariables = AwsWorkspace.Variables(_server);
        _readerVariables["AWS_ACCESS_KEY_ID"] = key.First(e => e.Name.LocalName == "AccessKeyId").Value;
        _readerVariables["AWS_SECRET_ACCESS_KEY"] = key.First(e => e.Name.LocalName == "SecretAccessKey").Value;
    }

    [OneTimeTearDown]
    public void StopMoto() => _server?.Dispose();

    [SetUp]
    public void CopyWorkspace() => _workspace = AwsWorkspace.WithoutRecords();

    [TearDown]
    public void DeleteWorkspace() => _workspace.Dispose();

    [Test]
    public async Task Access_denied_is_one_message_naming_the_permission_and_writes_nothing()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, _readerVariables, string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorLines(run), Has.Length.EqualTo(1), run.ToString());
            Assert.That(
                run.Stderr,
                Does.Contain("✘ could not read the record of application my-app (SSM parameter /copilot/applications/my-app) in account 123456789012 and region us-west-2: AccessDenied: User: arn:aws:iam::123456789012:user/reader is not authorized to perform: ssm:GetParameter"));
            Assert.That(run.Stderr, Does.Contain("Check that the AWS credentials (BasicAWSCredentials) are valid and allow ssm:GetParameter."));
            Assert.That(run.Stdout, Is.Empty);
            Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task Access_denied_during_records_export_leaves_no_records_file()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, _readerVariables, string.Empty, false, "records", "export", "-e", "test");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("not authorized to perform: ssm:GetParameter"));
        Assert.That(File.Exists(_workspace.File("copilot/.records.yml")), Is.False);
    }

    [Test]
    public async Task An_unreachable_endpoint_is_one_message_with_exit_1_and_writes_nothing()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, AwsWorkspace.Variables(UnusedEndpoint()), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorLines(run), Has.Length.EqualTo(1), run.ToString());
            Assert.That(run.Stderr, Does.Contain("✘ could not complete SSM GetParameter in region us-west-2:"));
            Assert.That(run.Stderr, Does.Contain("AWS_ENDPOINT_URL"), "the advice names the endpoint setting");
            Assert.That(Directory.Exists(_workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task Diff_with_an_unreachable_endpoint_exits_2()
    {
        var run = await InProcessTool.RunAsync(_workspace.Path, AwsWorkspace.Variables(UnusedEndpoint()), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(ErrorLines(run).Single(), Does.StartWith("✘ no diff: could not complete SSM GetParameter"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [Test]
    public async Task Diff_with_records_from_the_file_and_an_unreachable_endpoint_exits_2()
    {
        using var workspace = Workspace.CopyOfExample();

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(UnusedEndpoint()), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(ErrorLines(run).Single(), Does.StartWith("✘ no diff: "));
        Assert.That(run.Stdout, Is.Empty);
    }

    private static string[] ErrorLines(ToolRun run) => [.. run.Stderr.Split('\n').Where(l => l.StartsWith('✘'))];

    private static string UnusedEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
    }
}
