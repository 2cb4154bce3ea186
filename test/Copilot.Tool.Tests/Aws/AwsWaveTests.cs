using Copilot.Testing.Faults;
using Copilot.Testing.Tools;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// Issue 10, "AWS reads in waves": the AWS reads of <c>package</c> (and of <c>deploy</c>, which shares them) run as their
/// dependency graph allows — SSM records first; then the manager role and the StackSet instance list; then the
/// environment stack, the instance stack and the job's own stack together — so a run takes three sequential round
/// trips however many calls it makes. Measured through a <see cref="FaultProxy"/> in front of moto that adds
/// <see cref="Latency"/> to every request and counts the chain of requests that had to wait for an earlier answer.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AwsWaveTests : DeployableMotoFixture
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);
    private const string Stack = "my-app-test-report-generator";
    private static readonly HashSet<string> RecordReads =
        ["ssm GetParameter", "sts AssumeRole", "cloudformation DescribeStacks", "cloudformation GetTemplateSummary", "cloudformation ListStackInstances", "cloudformation GetTemplate"];

    private FaultProxy proxy = null!;

    // A server of its own: the job's stack is created here, and deploy updates it.
    private protected override bool OwnServer => true;

    [OneTimeSetUp]
    public async Task DeployTheJobAndStartTheProxy()
    {
        using (var deploy = AwsWorkspace.WithoutRecords())
        {
            Assert.That(await DeployFromPackageAsync(deploy, AwsWorkspace.Job), Is.EqualTo(Stack));
        }

        proxy = FaultProxy.Start(Server.Endpoint);
        proxy.Latency = Latency;
    }

    [OneTimeTearDown]
    public void StopProxy() => proxy?.Dispose();

    [SetUp]
    public void ForgetEarlierRequests() => proxy.Exchanges.Clear();

    [Test]
    public async Task A_plain_package_reads_in_three_waves()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, Variables(), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var exchanges = proxy.Exchanges.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchanges.Select(e => e.Call).Order(StringComparer.Ordinal), Is.EqualTo(new[]
            {
                "cloudformation DescribeStacks",
                "cloudformation DescribeStacks",
                "cloudformation GetTemplateSummary",
                "cloudformation GetTemplateSummary",
                "cloudformation ListStackInstances",
                "ssm GetParameter",
                "ssm GetParameter",
                "sts AssumeRole",
            }), "the eight calls of a plain package");
            Assert.That(ProxyExchange.Waves(exchanges), Is.EqualTo(3), Timeline(exchanges));
        }
    }

    [Test]
    public async Task A_diff_reads_in_three_waves()
    {
        using var workspace = AwsWorkspace.WithoutRecords();

        var run = await InProcessTool.RunAsync(workspace.Path, Variables(), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var exchanges = proxy.Exchanges.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exchanges.Select(e => e.Call), Does.Contain("cloudformation GetTemplate"), "the deployed template was read");
            Assert.That(ProxyExchange.Waves(exchanges), Is.LessThanOrEqualTo(4).And.EqualTo(3), Timeline(exchanges));
        }
    }

    [Test]
    public async Task Deploy_reads_records_and_the_deployed_version_in_three_waves()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var toolbox = new FakeToolbox(workspace.File(".tools"));
        var variables = Variables();
        variables["PATH"] = toolbox.SearchPath;
        variables["HOME"] = Directory.CreateDirectory(workspace.File(".home")).FullName;

        var run = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, "deploy", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var exchanges = proxy.Exchanges.OrderBy(e => e.Arrived).ToList();
        var reads = exchanges.TakeWhile(e => RecordReads.Contains(e.Call)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reads.Count(e => e.Call == "cloudformation GetTemplateSummary"), Is.EqualTo(2), "the environment stack's and the job stack's (downgrade guard) before any upload: " + Timeline(exchanges));
            Assert.That(ProxyExchange.Waves(reads), Is.EqualTo(3), Timeline(exchanges));
        }
    }

    [Test]
    public async Task A_batch_diff_reads_each_record_once_in_three_waves_and_exits_with_the_highest_code()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        AwsWorkspace.AddJob(workspace, "fresh");

        var run = await InProcessTool.RunAsync(workspace.Path, Variables(), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-n", "fresh", "-e", "test", "--diff");

        var exchanges = proxy.Exchanges.ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), "one pair has changes: " + run);
            Assert.That(run.Stdout, Does.StartWith($"--- {AwsWorkspace.Job}-test\nNo changes.\n--- fresh-test\n"), run.ToString());
            Assert.That(run.Stderr, Does.Contain("fresh-test: Stack my-app-test-fresh does not exist yet: everything is new."));
            Assert.That(exchanges.Count(e => e.Call == "ssm GetParameter"), Is.EqualTo(2), "the application and the environment, once for both jobs");
            Assert.That(exchanges.Count(e => e.Call == "sts AssumeRole"), Is.EqualTo(1));
            Assert.That(exchanges.Count(e => e.Call == "cloudformation GetTemplate"), Is.EqualTo(2), "each job's deployed template");
            Assert.That(ProxyExchange.Waves(exchanges), Is.EqualTo(3), Timeline(exchanges));
        }
    }

    private Dictionary<string, string> Variables()
    {
        var variables = AwsWorkspace.Variables(proxy.Endpoint.ToString());

        // Well above the latency: a slow machine must not turn the proxy's delay into retries.
        variables["COPILOT_JOB_AWS_DEADLINE"] = "60";
        return variables;
    }

    private static string Timeline(IEnumerable<ProxyExchange> exchanges) =>
        string.Join("\n", exchanges.OrderBy(e => e.Arrived).Select(e => FormattableString.Invariant($"{e.Arrived.TotalMilliseconds,7:0} – {e.Answered.TotalMilliseconds,7:0} ms  {e.Call}")));
}
