using Amazon.S3;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Aws.Ec2;
using Copilot.Packaging.Aws.Records;
using Copilot.Testing;
using Copilot.Testing.Faults;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>
/// <c>AWS_MAX_ATTEMPTS</c>, <c>AWS_RETRY_MODE</c> and <c>AWS_ENDPOINT_URL</c> as the run's environment gives them,
/// for every client alike (SDK: SSM, STS, EC2, S3; hand-written: CloudFormation, ECR), counted at a
/// <see cref="FaultProxy"/> in front of moto that answers every call with 503.
/// </summary>
[TestFixture]
[Category(TestCategories.Moto)]
public sealed class AwsRetryAndEndpointProxyTests
{
    private MotoServer server = null!;
    private FaultProxy proxy = null!;

    [OneTimeSetUp]
    public async Task StartProxy()
    {
        server = await SharedMoto.ServerAsync();
        proxy = FaultProxy.Start(server.Endpoint);
    }

    [OneTimeTearDown]
    public void StopProxy() => proxy?.Dispose();

    [SetUp]
    public void EveryCallFails() => proxy.Rule = _ => Fault.Answer(503, "<Error><Code>ServiceUnavailable</Code><Message>injected</Message></Error>");

    /// <summary>One call of each client, by the service name the proxy sees (the SigV4 signing name).</summary>
    private static readonly Dictionary<string, Func<AwsContext, Task>> CallOf = new()
    {
        ["ssm"] = c => new SsmParameterReader(c).GetAsync("/copilot/applications/my-app", CancellationToken.None),
        ["sts"] = c => c.AssumeRoleAsync("arn:aws:iam::123456789012:role/r", CopilotWorld.Region, CancellationToken.None),
        ["ec2"] = async c =>
        {
            using var ec2 = c.Ec2(CopilotWorld.Region);
            await ec2.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["private"])], CancellationToken.None);
        },
        ["s3"] = async c =>
        {
            var config = c.ConfigureSdk(new AmazonS3Config(), CopilotWorld.Region);
            config.ForcePathStyle = true;
            using var s3 = new AmazonS3Client(c.Credentials, config);
            await s3.GetObjectMetadataAsync("some-bucket", "some-key");
        },
        ["cloudformation"] = c => c.CloudFormation(CopilotWorld.Region).DescribeStackAsync("my-app-test", CancellationToken.None),
        ["ecr"] = c => c.Ecr(CopilotWorld.Region).DescribeRepositoriesAsync(["my-app/job"], CancellationToken.None),
    };

    /// <summary>SDK clients: SSM, STS, EC2, S3; ours: CloudFormation, ECR.</summary>
    public static IEnumerable<string> Services() => ["ssm", "sts", "ec2", "s3", "cloudformation", "ecr"];

    [TestCaseSource(nameof(Services))]
    public void AWS_MAX_ATTEMPTS_2_makes_exactly_two_requests(string service) =>
        AssertRequests(service, 2, ("AWS_MAX_ATTEMPTS", "2"));

    [TestCaseSource(nameof(Services))]
    public void AWS_MAX_ATTEMPTS_1_makes_one_request(string service) =>
        AssertRequests(service, 1, ("AWS_MAX_ATTEMPTS", "1"), ("AWS_RETRY_MODE", "adaptive"));

    [TestCaseSource(nameof(Services))]
    public void The_standard_mode_tries_three_times_unless_told(string service) =>
        AssertRequests(service, 3);

    [TestCase("ssm")]
    [TestCase("cloudformation")]
    public void The_legacy_mode_tries_five_times_unless_told(string service) =>
        AssertRequests(service, 5, ("AWS_RETRY_MODE", "legacy"));

    [Test]
    public async Task The_service_specific_endpoint_variable_wins_over_AWS_ENDPOINT_URL_for_each_service()
    {
        proxy.Rule = _ => Fault.Pass;
        using var context = Context(("AWS_ENDPOINT_URL", "http://127.0.0.1:9/"), ("AWS_ENDPOINT_URL_EC2", proxy.Endpoint.ToString()), ("AWS_MAX_ATTEMPTS", "1"));
        using var ec2 = context.Ec2(CopilotWorld.Region);

        var ids = await ec2.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["nowhere"])], CancellationToken.None);
        var unreachable = Assert.ThrowsAsync<Copilot.Packaging.Errors.CopilotJobException>(() => context.CloudFormation(CopilotWorld.Region).DescribeStackAsync("my-app-test", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.Empty);
            Assert.That(proxy.Seen, Does.Contain("ec2 DescribeSubnets"));
            Assert.That(unreachable.Message, Does.StartWith("could not reach CloudFormation at http://127.0.0.1:9/"), "the other services keep AWS_ENDPOINT_URL");
        }
    }

    private AwsContext Context(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = proxy.Endpoint.ToString() };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return AwsContext.Create(new AwsContextOptions
        {
            Region = CopilotWorld.Region,
            AccessKey = new AwsAccessKey("testing", "testing"),
            Environment = new DictionaryEnvironmentVariables(environment),
        });
    }

    private void AssertRequests(string service, int expected, params (string Name, string Value)[] variables)
    {
        using var context = Context(variables);
        proxy.Seen.Clear();

        Assert.CatchAsync(() => CallOf[service](context));

        Assert.That(proxy.Seen.Count(seen => seen.StartsWith(service + " ", StringComparison.Ordinal)), Is.EqualTo(expected), string.Join(", ", proxy.Seen));
    }
}
