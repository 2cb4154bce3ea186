using System.Collections.Concurrent;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// The AWS calls of a plain AWS-mode <c>package</c>, counted through <see cref="IAwsCallObserver"/> (the host has no
/// seam for an observer, so this runs <see cref="JobPackager"/> with an <see cref="AwsConnector"/> as the host builds it,
/// plus the observer).
/// </summary>
[TestFixture]
public sealed class AwsCallCountTests : DeployableMotoFixture
{
    [Test]
    public async Task A_plain_package_makes_eight_aws_calls()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var observer = new CallRecorder();

        var result = await PackageAsync(workspace, Options(Server, observer));

        // SSM: app and env records; STS: the env's manager role; CloudFormation: the env stack (outputs, then its
        // Metadata), the StackSet instance and its stack, and the job stack's Metadata for the downgrade guard.
        Assert.That(result.TemplateText, Does.Contain("AWSTemplateFormatVersion"));
        Assert.That(observer.SortedCalls, Is.EqualTo(new[]
        {
            "CloudFormation:DescribeStacks",
            "CloudFormation:DescribeStacks",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:ListStackInstances",
            "SSM:GetParameter",
            "SSM:GetParameter",
            "STS:AssumeRole",
        }));
    }

    [Test]
    public async Task Subnets_from_tags_add_one_ec2_call_under_the_same_role_session()
    {
        var subnets = new TaggedSubnets(Server);
        var subnet = await subnets.CreateSubnetAsync(await subnets.CreateVpcAsync("10.40.0.0/16"), "10.40.1.0/24", new Dictionary<string, string> { ["counted"] = "yes" });
        using var workspace = AwsWorkspace.WithoutRecords();
        SubnetsFromTagsToolTests.UseSubnetsFromTags(workspace, "counted: yes");
        var observer = new CallRecorder();

        var result = await PackageAsync(workspace, Options(Server, observer));

        // The eight calls of a plain package plus EC2 DescribeSubnets; the manager role is assumed once for both uses.
        Assert.That(result.TemplateText, Does.Contain($"- - {subnet}\n"));
        Assert.That(observer.SortedCalls, Is.EqualTo(new[]
        {
            "CloudFormation:DescribeStacks",
            "CloudFormation:DescribeStacks",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:GetTemplateSummary",
            "CloudFormation:ListStackInstances",
            "EC2:DescribeSubnets",
            "SSM:GetParameter",
            "SSM:GetParameter",
            "STS:AssumeRole",
        }));
    }

    [Test]
    public async Task Packaging_from_the_records_file_makes_no_aws_call()
    {
        using var workspace = Workspace.CopyOfExample();
        var observer = new CallRecorder();

        var result = await PackageAsync(workspace, Options(Server, observer));

        Assert.That(result.TemplateText, Does.Contain("AWSTemplateFormatVersion"));
        Assert.That(observer.SortedCalls, Is.Empty);
    }

    internal static AwsContextOptions Options(MotoServer server, IAwsCallObserver observer) => new()
    {
        Region = CopilotWorld.Region,
        EndpointUrl = server.Endpoint,
        AccessKey = new AwsAccessKey("testing", "testing"),
        CallObserver = observer,
        Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>()),
    };

    internal static async Task<PackageResult> PackageAsync(Workspace workspace, AwsContextOptions options, string? outputDirectory = null)
    {
        using var services = new CopilotJobServices
        {
            Variables = new DictionaryEnvironmentVariables(new Dictionary<string, string>()),
            AwsPortsFactory = s => AwsPortsFactory.Create(options, s.FileSystem),
        };
        return await services.PackageAsync(
            new JobPackageRequest { WorkingDirectory = workspace.Path, JobName = AwsWorkspace.Job, EnvironmentName = "test", Mode = outputDirectory is null ? new PackageMode.Print() : new PackageMode.WriteFiles { OutputDirectory = outputDirectory } },
            CancellationToken.None);
    }

    /// <summary>Records every call as <c>Service:Operation</c> and can act on one (to stop moto mid-run).</summary>
    internal sealed class CallRecorder(Action<string>? onCall = null) : IAwsCallObserver
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyList<string> SortedCalls => [.. _calls.Order(StringComparer.Ordinal)];

        public void OnCall(string service, string operation, string region)
        {
            var call = $"{service}:{operation}";
            _calls.Enqueue(call);
            onCall?.Invoke(call);
        }
    }
}

/// <summary>moto goes away in the middle of a run: the run ends with one clear error and writes nothing.</summary>
[TestFixture]
public sealed class AwsMidRunStopTests : DeployableMotoFixture
{
    private protected override bool OwnServer => true;

    [Test]
    public async Task Moto_stopped_mid_run_ends_with_one_clear_error_and_writes_nothing()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        var observer = new AwsCallCountTests.CallRecorder(call =>
        {
            if (call == "STS:AssumeRole")
            {
                Server.Stop();
            }
        });

        var error = Assert.ThrowsAsync<CopilotJobException>(() => AwsCallCountTests.PackageAsync(workspace, AwsCallCountTests.Options(Server, observer) with { MaxAttempts = 2 }, "out"));

        Assert.That(error.Message, Does.StartWith("could not complete STS AssumeRole in region us-west-2:"), error.ToString());
        Assert.That(observer.SortedCalls, Does.Contain("SSM:GetParameter"), "the run was under way");
        Assert.That(Directory.Exists(workspace.File("out")), Is.False);
    }
}
