using Copilot.Packaging.Aws;
using Copilot.Packaging.Aws.Ec2;
using Copilot.Packaging.Records;
using Copilot.Testing;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>The subnet lookup of <c>from_tags</c> against moto's EC2: tag filters, the env region and role, EC2's error shape.</summary>
[TestFixture]
[Category(TestCategories.Moto)]
public sealed class Ec2ClientMotoTests
{
    private MotoServer server = null!;
    private string privateMail = null!;
    private string privateWeb = null!;
    private string publicMail = null!;
    private string otherRegionSubnet = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await SharedMoto.ServerAsync();
        var subnets = new TaggedSubnets(server);
        var vpc = await subnets.CreateVpcAsync("10.10.0.0/16");
        privateMail = await subnets.CreateSubnetAsync(vpc, "10.10.1.0/24", new Dictionary<string, string> { ["tier"] = "private", ["team"] = "mail" });
        privateWeb = await subnets.CreateSubnetAsync(vpc, "10.10.2.0/24", new Dictionary<string, string> { ["tier"] = "private", ["team"] = "web" });
        publicMail = await subnets.CreateSubnetAsync(vpc, "10.10.3.0/24", new Dictionary<string, string> { ["tier"] = "public", ["team"] = "mail" });
        var otherVpc = await subnets.CreateVpcAsync("10.20.0.0/16", CopilotWorld.OtherRegion);
        otherRegionSubnet = await subnets.CreateSubnetAsync(otherVpc, "10.20.1.0/24", new Dictionary<string, string> { ["tier"] = "east" }, CopilotWorld.OtherRegion);
    }

    private static IReadOnlyList<Ec2Filter> Tags(params (string Key, string[] Values)[] tags) =>
        [.. tags.Select(t => Ec2Filter.Tag(t.Key, t.Values))];

    [Test]
    public async Task A_subnet_must_carry_every_tag()
    {
        using var context = server.CreateContext();

        using var ec2 = context.Ec2(CopilotWorld.Region);
        var ids = await ec2.DescribeSubnetIdsAsync(Tags(("tier", ["private"]), ("team", ["mail"])), CancellationToken.None);

        Assert.That(ids, Is.EqualTo(new[] { privateMail }));
    }

    [Test]
    public async Task Any_of_the_values_listed_for_a_tag_matches()
    {
        using var context = server.CreateContext();

        using var ec2 = context.Ec2(CopilotWorld.Region);
        var ids = await ec2.DescribeSubnetIdsAsync(Tags(("team", ["mail", "web"])), CancellationToken.None);

        Assert.That(ids, Is.EquivalentTo(new[] { privateMail, privateWeb, publicMail }));
    }

    [Test]
    public async Task No_matching_subnet_is_an_empty_list()
    {
        using var context = server.CreateContext();

        using var ec2 = context.Ec2(CopilotWorld.Region);
        var ids = await ec2.DescribeSubnetIdsAsync(Tags(("tier", ["nowhere"])), CancellationToken.None);

        Assert.That(ids, Is.Empty);
    }

    [Test]
    public async Task The_lookup_runs_in_the_environments_region_as_its_manager_role()
    {
        var observer = new RecordingRegionObserver();
        using var context = server.CreateContext(CopilotWorld.Region, observer);
        var environment = new EnvironmentRecord
        {
            Name = "east", Region = CopilotWorld.OtherRegion, AccountId = MotoServer.Account, Version = "v1.42.0",
            ManagerRoleArn = "arn:aws:iam::123456789012:role/my-app-east-EnvManagerRole",
        };
        var tags = new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["east", "private"] };

        var ids = await SubnetLookup.FindByTagsAsync(context, environment, tags, CancellationToken.None);

        Assert.That(ids, Is.EqualTo(new[] { otherRegionSubnet }), "only the environment's region is searched");
        Assert.That(observer.Calls, Is.EqualTo(new[] { "STS:AssumeRole@us-east-1", "EC2:DescribeSubnets@us-east-1" }));
    }

    [Test]
    public void Ec2s_error_document_becomes_a_typed_error()
    {
        var error = Assert.ThrowsAsync<AwsServiceException>(() => new TaggedSubnets(server).CallEc2Async(
            CopilotWorld.Region, "DescribeSubnets", [new("SubnetId.1", "subnet-00000000")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Service, Is.EqualTo("EC2"));
            Assert.That(error.ErrorCode, Is.EqualTo("InvalidSubnetID.NotFound"));
            Assert.That(error.ServiceMessage, Does.Contain("subnet-00000000"));
        }
    }

    private sealed class RecordingRegionObserver : IAwsCallObserver
    {
        public List<string> Calls { get; } = [];

        public void OnCall(string service, string operation, string region) => Calls.Add($"{service}:{operation}@{region}");
    }
}
