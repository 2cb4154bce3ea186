using System.Diagnostics;
using System.Security;
using System.Text;
using Copilot.Testing.Faults;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// Issue 13 (1), (5), (10) and the fault-injection suite: <c>package</c> from AWS (records from SSM and CloudFormation),
/// with <c>--output-dir</c> and with <c>--diff</c>, through a <see cref="FaultProxy"/> on 127.0.0.1 in front of a seeded
/// moto where the job's stack is deployed. Each fault (stalls, resets, 500s, throttling, malformed, huge, deep and
/// alias-bomb answers) must end the run within <see cref="Bound"/> with exit 1 (2 under <c>--diff</c>), one message
/// naming the call, stack or parameter, and no output directory. <c>COPILOT_JOB_AWS_DEADLINE</c> is 4 s here.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AwsFaultInjectionTests : DeployableMotoFixture
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const string StallDeadlineSeconds = "4";
    private const string DeadlineSeconds = "30";
    private const string Stack = "my-app-test-report-generator";
    private FaultProxy proxy = null!;
    private Workspace workspace = null!;

    // A server of its own: it creates the example job's stack, which fixtures on the shared server create too.
    private protected override bool OwnServer => true;

    [OneTimeSetUp]
    public async Task DeployTheJobAndStartTheProxy()
    {
        using (var deploy = AwsWorkspace.WithoutRecords())
        {
            Assert.That(await DeployFromPackageAsync(deploy, AwsWorkspace.Job), Is.EqualTo(Stack));
        }

        proxy = FaultProxy.Start(Server.Endpoint);
    }

    [OneTimeTearDown]
    public void StopProxy() => proxy?.Dispose();

    [SetUp]
    public void CopyWorkspace()
    {
        workspace = AwsWorkspace.WithoutRecords();
        proxy.Rule = _ => Fault.Pass;
    }

    [TearDown]
    public void DeleteWorkspace() => workspace.Dispose();

    [Test]
    public async Task Through_the_proxy_without_faults_both_runs_succeed()
    {
        var package = await PackageAsync();
        var diff = await DiffAsync();

        Assert.That(package.Run.ExitCode, Is.Zero, package.Run.ToString());
        Assert.That(Directory.GetFiles(workspace.File("out")), Has.Length.EqualTo(2));
        Assert.That(diff.Run.ExitCode, Is.Zero, diff.Run.ToString());
    }

    // (5) A stalled endpoint: each SDK (SSM) and hand-written (CloudFormation) call gives up at the AWS deadline.
    [TestCase("ssm", "GetParameter", "SSM GetParameter")]
    [TestCase("cloudformation", "GetTemplateSummary", "CloudFormation GetTemplateSummary")]
    [TestCase("cloudformation", "DescribeStacks", "CloudFormation DescribeStacks")]
    public async Task A_stalled_call_ends_the_run_at_the_aws_deadline(string service, string operation, string named)
    {
        proxy.Rule = r => r.Service == service && r.Operation == operation ? Fault.Stall : Fault.Pass;

        await AssertFailsAsync($"AWS did not answer {named} in region us-west-2 after", maxSeconds: 20, StallDeadlineSeconds);
    }

    [Test]
    public async Task A_stalled_ssm_call_under_diff_exits_2()
    {
        proxy.Rule = r => r.Service == "ssm" ? Fault.Stall : Fault.Pass;

        var (run, elapsed) = await DiffAsync(StallDeadlineSeconds);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(run.Stderr, Does.Contain("✘ no diff: AWS did not answer SSM GetParameter"));
        Assert.That(run.Stdout, Is.Empty);
    }

    [TestCase("ssm")]
    [TestCase("cloudformation")]
    public async Task Reset_connections_end_the_run_with_one_message(string service)
    {
        proxy.Rule = r => r.Service == service ? Fault.Reset : Fault.Pass;

        await AssertFailsAsync(service == "ssm" ? "could not complete SSM GetParameter" : "could not reach CloudFormation", maxSeconds: 30);
    }

    [TestCase("ssm", 500, "InternalFailure")]
    [TestCase("ssm", 400, "ThrottlingException")]
    [TestCase("ssm", 503, "SlowDown")]
    public async Task Ssm_errors_and_throttling_end_the_run_after_the_retries(string service, int status, string code)
    {
        proxy.Rule = r => r.Service == service ? Fault.JsonError(status, code) : Fault.Pass;

        await AssertFailsAsync(code, maxSeconds: 30);
    }

    [TestCase(500, "InternalFailure")]
    [TestCase(400, "Throttling")]
    [TestCase(503, "SlowDown")]
    public async Task CloudFormation_errors_and_throttling_end_the_run_after_the_retries(int status, string code)
    {
        proxy.Rule = r => r.Service == "cloudformation" ? Fault.QueryError(status, code) : Fault.Pass;

        await AssertFailsAsync($"{code}: injected by the fault proxy", maxSeconds: 30);
    }

    // AWS_MAX_ATTEMPTS and AWS_RETRY_MODE reach the clients from the run's environment. The environment stack's
    // GetTemplateSummary and AssumeRole are made once per run; the job stack's GetTemplateSummary, made beside the
    // former in the same wave, is let through, so the attempts counted are those of the one failing call.
    [TestCase("cloudformation", "GetTemplateSummary", null, null, 3)]
    [TestCase("cloudformation", "GetTemplateSummary", "2", null, 2)]
    [TestCase("cloudformation", "GetTemplateSummary", null, "legacy", 5)]
    [TestCase("sts", "AssumeRole", "2", "adaptive", 2)]
    public async Task The_retry_variables_set_how_often_a_failing_call_is_tried(string service, string operation, string? attempts, string? mode, int expected)
    {
        // A proxy of its own, so an endpoint of its own: the SDK keeps one retry budget per endpoint for the whole
        // process, which the fixture's other failing calls draw down (it once left AssumeRole no retry at all).
        using var own = FaultProxy.Start(Server.Endpoint);
        var failed = 0;
        own.Rule = r =>
        {
            if (r.Service != service || r.Operation != operation || (operation == "GetTemplateSummary" && !Encoding.UTF8.GetString(r.Body).Split('&').Contains("StackName=my-app-test")))
            {
                return Fault.Pass;
            }

            Interlocked.Increment(ref failed);
            return Fault.QueryError(503, "ServiceUnavailable");
        };
        var variables = AwsWorkspace.Variables(own.Endpoint.ToString());
        variables["COPILOT_JOB_AWS_DEADLINE"] = DeadlineSeconds;
        if (attempts is not null)
        {
            variables["AWS_MAX_ATTEMPTS"] = attempts;
        }

        if (mode is not null)
        {
            variables["AWS_RETRY_MODE"] = mode;
        }

        var run = await InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out").WaitAsync(Bound);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(Volatile.Read(ref failed), Is.EqualTo(expected), string.Join(", ", own.Seen));
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task A_malformed_cloudformation_answer_is_one_message()
    {
        proxy.Rule = r => r.Service == "cloudformation" ? Fault.Answer(200, "<GetTemplateSummaryResponse><unclosed>") : Fault.Pass;

        await AssertFailsAsync("InvalidResponse: the answer is not XML", maxSeconds: 30);
    }

    [Test]
    public async Task A_malformed_ssm_answer_is_one_message()
    {
        proxy.Rule = r => r.Service == "ssm" ? Fault.Answer(200, "{\"Parameter\": [", "application/x-amz-json-1.1") : Fault.Pass;

        var (run, _) = await AssertFailsAsync("SSM GetParameter", maxSeconds: 30);
        Assert.That(run.Stderr, Does.Not.Contain("this is a bug"));
    }

    [Test]
    public async Task A_huge_cloudformation_answer_is_refused_while_reading()
    {
        var huge = "<GetTemplateSummaryResponse><GetTemplateSummaryResult><Metadata>" + new string('x', 20 * 1024 * 1024) + "</Metadata></GetTemplateSummaryResult></GetTemplateSummaryResponse>";
        proxy.Rule = r => r.Operation == "GetTemplateSummary" ? Fault.Answer(200, huge) : Fault.Pass;

        await AssertFailsAsync("the answer of CloudFormation GetTemplateSummary is", maxSeconds: 30);
    }

    // (10) A 2 MiB error body from SSM is not printed whole.
    [Test]
    public async Task A_large_ssm_error_body_is_echoed_capped()
    {
        proxy.Rule = r => r.Service == "ssm" ? Fault.JsonError(400, "ValidationException", new string('y', 2 * 1024 * 1024)) : Fault.Pass;

        var (run, _) = await AssertFailsAsync("ValidationException", maxSeconds: 30);
        Assert.That(run.Stderr.Length, Is.LessThan(8_000), "stderr stays small");
        Assert.That(run.Stderr, Does.Contain($"({2 * 1024 * 1024} characters in all)"));
    }

    // (1) Answers over the size bound, from the SDK's services too (SSM here; STS, S3 and EC2 share the transport):
    // refused while reading, naming the call, without the network advice.
    [TestCase(200)]
    [TestCase(400)]
    public async Task A_20_mib_ssm_answer_is_refused_while_reading(int status)
    {
        var body = new string('y', 20 * 1024 * 1024);
        proxy.Rule = r => r.Service == "ssm"
            ? status == 200 ? Fault.Answer(200, "{\"Parameter\": {\"Value\": \"" + body + "\"}}", "application/x-amz-json-1.1") : Fault.JsonError(400, "ValidationException", body)
            : Fault.Pass;

        var (run, _) = await AssertFailsAsync("the answer of SSM GetParameter is", maxSeconds: 30);
        Assert.That(run.Stderr, Does.Contain("at most 8388608 bytes are read from AWS"));
        Assert.That(run.Stderr, Does.Not.Contain("Check the network connection"));
        Assert.That(run.Stderr.Length, Is.LessThan(8_000), "stderr stays small");
    }

    // (10) Raw ESC sequences in AWS answers reach the terminal escaped.
    [Test]
    public async Task Escape_sequences_in_an_aws_error_are_escaped()
    {
        proxy.Rule = r => r.Service == "ssm" ? Fault.JsonError(400, "ValidationException", "bad \u001b[2J\u001b]0;owned\u0007 value") : Fault.Pass;

        var (run, _) = await AssertFailsAsync("ValidationException", maxSeconds: 30);
        Assert.That(run.Stderr.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw ESC reaches the terminal");
        Assert.That(run.Stderr, Does.Contain("bad \\u001b[2J\\u001b]0;owned\\u0007 value"));
    }

    // (1) GetTemplateSummary Metadata nested 100,000 deep (JSON and YAML): refused naming the stack, no stack overflow.
    [TestCase("json")]
    [TestCase("yaml")]
    public async Task Deep_template_metadata_is_refused_naming_the_stack(string format)
    {
        var deep = format == "json"
            ? new string('[', 100_000) + new string(']', 100_000)
            : string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "b" + new string('}', 100_000);
        proxy.Rule = r => r.Operation == "GetTemplateSummary" ? Fault.Answer(200, Summary(deep)) : Fault.Pass;

        var (run, _) = await AssertFailsAsync("the template Metadata of stack my-app-test", maxSeconds: 30);
        Assert.That(run.Stderr, Does.Contain("levels deep"));
    }

    // (1) A deployed template nested 100,000 deep, in YAML and JSON: --diff exits 2 naming the stack.
    [TestCase("yaml")]
    [TestCase("json")]
    public async Task A_deep_deployed_template_makes_diff_exit_2(string format)
    {
        var deep = format == "json"
            ? "{\"Resources\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 100_000)) + "1" + new string('}', 100_001)
            : "Resources: " + new string('[', 100_000) + new string(']', 100_000);
        proxy.Rule = r => r.Operation == "GetTemplate" ? Fault.Answer(200, Template(deep)) : Fault.Pass;

        var (run, elapsed) = await DiffAsync();

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(run.Stderr, Does.Contain($"✘ no diff: the deployed template of stack {Stack}"));
        Assert.That(run.Stderr, Does.Contain(format == "json" ? "is not valid JSON" : "levels deep"));
    }

    // (1) A 15 KB alias bomb in the deployed template: refused in well under a second of parsing, not minutes and gigabytes.
    [Test]
    public async Task An_alias_bomb_in_the_deployed_template_makes_diff_exit_2_quickly()
    {
        var bomb = new StringBuilder("Metadata:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            bomb.Append(CultureInfo($"  l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n"));
        }

        bomb.Append("Resources: {}\n");
        proxy.Rule = r => r.Operation == "GetTemplate" ? Fault.Answer(200, Template(bomb.ToString())) : Fault.Pass;

        var (run, elapsed) = await DiffAsync();

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(run.Stderr, Does.Contain($"the deployed template of stack {Stack}\" expands to more than 1000000 YAML nodes"));
    }

    // (1) Deep SSM record values are refused naming the parameter.
    [Test]
    public async Task A_deep_ssm_record_is_refused_naming_the_parameter()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        proxy.Rule = r => r.Service == "ssm" && r.Operation == "GetParameter"
            ? Fault.Answer(200, "{\"Parameter\":{\"Name\":\"/copilot/applications/my-app\",\"Type\":\"String\",\"Value\":" + System.Text.Json.JsonSerializer.Serialize(deep) + ",\"Version\":1}}", "application/x-amz-json-1.1")
            : Fault.Pass;

        await AssertFailsAsync("the value of SSM parameter /copilot/applications/my-app is 200000 characters long", maxSeconds: 30);
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private static string Summary(string metadata) =>
        $"<GetTemplateSummaryResponse><GetTemplateSummaryResult><Metadata>{SecurityElement.Escape(metadata)}</Metadata></GetTemplateSummaryResult></GetTemplateSummaryResponse>";

    private static string Template(string body) =>
        $"<GetTemplateResponse><GetTemplateResult><TemplateBody>{SecurityElement.Escape(body)}</TemplateBody></GetTemplateResult></GetTemplateResponse>";

    /// <summary>Runs package and package --diff; both must fail within the bound, with the message, and write nothing.</summary>
    private async Task<(ToolRun Run, TimeSpan Elapsed)> AssertFailsAsync(string message, int maxSeconds, string deadline = DeadlineSeconds)
    {
        var package = await PackageAsync(deadline);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(package.Run.ExitCode, Is.EqualTo(1), package.Run.ToString());
            Assert.That(package.Elapsed, Is.LessThan(TimeSpan.FromSeconds(maxSeconds)), package.Run.ToString());
            Assert.That(package.Run.Stderr, Does.Contain(message), package.Run.ToString());
            Assert.That(package.Run.Stderr.Split('\n').Count(l => l.StartsWith('✘')), Is.EqualTo(1), package.Run.ToString());
            Assert.That(package.Run.Stderr, Does.Not.Contain("this is a bug"));
            Assert.That(package.Run.Stdout, Is.Empty);
            Assert.That(Directory.Exists(workspace.File("out")), Is.False, "nothing is written");
        }

        var diff = await DiffAsync(deadline);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diff.Run.ExitCode, Is.EqualTo(2), diff.Run.ToString());
            Assert.That(diff.Elapsed, Is.LessThan(TimeSpan.FromSeconds(maxSeconds)), diff.Run.ToString());
            Assert.That(diff.Run.Stderr, Does.Contain("✘ no diff: "), diff.Run.ToString());
            Assert.That(diff.Run.Stderr, Does.Contain(message), diff.Run.ToString());
            Assert.That(diff.Run.Stdout, Is.Empty);
        }

        return package;
    }

    private Task<(ToolRun Run, TimeSpan Elapsed)> PackageAsync(string deadline = DeadlineSeconds) =>
        TimedAsync(deadline, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");

    private Task<(ToolRun Run, TimeSpan Elapsed)> DiffAsync(string deadline = DeadlineSeconds) =>
        TimedAsync(deadline, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

    private async Task<(ToolRun Run, TimeSpan Elapsed)> TimedAsync(string deadline, params string[] args)
    {
        var variables = AwsWorkspace.Variables(proxy.Endpoint.ToString());
        variables["COPILOT_JOB_AWS_DEADLINE"] = deadline;
        var watch = Stopwatch.StartNew();
        var run = await Task.Run(() => InProcessTool.RunAsync(workspace.Path, variables, string.Empty, false, args)).WaitAsync(Bound);
        return (run, watch.Elapsed);
    }
}
