using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Records;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Stacks;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Upload;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>
/// <c>network.vpc.placement.subnets.from_tags</c> through <see cref="JobPackager"/> with a scripted AWS side: the IDs
/// found replace the tags before synthesis, and every way the lookup can fail is one located error.
/// </summary>
public sealed class SubnetsFromTagsPackagingTests
{
    private const string ManifestPath = "copilot/mailer/manifest.yml";

    private const string Records = """
        application:
          name: my-app
          account: "123456789123"
          regions:
            us-west-2: {bucket: my-bucket, kmsKeyARN: "arn:aws:kms:us-west-2:123456789123:key/abc"}
        environments:
          test: {region: us-west-2, accountID: "123456789123", managerRoleARN: "arn:aws:iam::123456789123:role/my-app-test-EnvManagerRole", version: v1.42.0}
        """;

    private const string Manifest = """
        name: mailer
        type: Scheduled Job
        on:
          schedule: "@daily"
        image:
          location: public.ecr.aws/nginx/nginx:latest
        network:
          vpc:
            placement:
              subnets:
                from_tags:
                  tier: private
                  zone: [a, b]

        """;

    // The from_tags map starts at its first key.
    private const string FromTagsLocation = ManifestPath + ":12:11:";

    [Test]
    public async Task The_subnets_found_by_tags_are_rendered_as_explicit_subnets_without_a_public_ip()
    {
        var aws = new ScriptedSubnets(["subnet-0aaa", "subnet-0bbb"]);

        var result = await PackageAsync(aws);

        Assert.That(result.TemplateText, Does.Contain(
            "        Subnets:\n          Fn::Join:\n            - '\",\"'\n            - - subnet-0aaa\n              - subnet-0bbb\n        AssignPublicIp: DISABLED\n"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(aws.Environment?.Name, Is.EqualTo("test"));
            Assert.That(aws.Environment?.ManagerRoleArn, Is.EqualTo("arn:aws:iam::123456789123:role/my-app-test-EnvManagerRole"));
            Assert.That(aws.Tags, Is.EqualTo(new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["private"], ["zone"] = ["a", "b"] }));
            Assert.That(result.TemplateText, Does.Contain("from_tags:"), "Metadata.Manifest keeps the manifest as written");
        }
    }

    [Test]
    public void No_matching_subnet_is_a_located_error_naming_the_region_and_tags()
    {
        var error = Assert.ThrowsAsync<CopilotJobException>(() => PackageAsync(new ScriptedSubnets([])));

        Assert.That(error!.Describe(), Is.EqualTo(FromTagsLocation + " no subnet in region us-west-2 has the tags of from_tags (tier: private; zone: a or b)"));
        Assert.That(error, Is.Not.InstanceOf<DiffUnavailableException>());
    }

    [Test]
    public void A_failed_lookup_is_a_located_load_error_keeping_the_causes_advice()
    {
        var aws = new ScriptedSubnets(new CopilotJobException("describe subnets in region us-west-2: UnauthorizedOperation: denied", recommendation: "The manager role needs ec2:DescribeSubnets."));

        var error = Assert.ThrowsAsync<CopilotJobException>(() => PackageAsync(aws));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Describe(), Does.StartWith(FromTagsLocation));
            Assert.That(error.Message, Is.EqualTo("load dynamic content: get subnet IDs: describe subnets in region us-west-2: UnauthorizedOperation: denied"));
            Assert.That(error.Recommendation, Does.StartWith("The manager role needs ec2:DescribeSubnets.").And.Contain("list the subnet IDs under network.vpc.placement.subnets"));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void With_diff_a_lookup_that_fails_or_finds_nothing_means_no_diff(bool fails)
    {
        var aws = fails ? new ScriptedSubnets(new CopilotJobException("could not complete STS AssumeRole in region us-west-2: refused")) : new ScriptedSubnets([]);

        var error = Assert.ThrowsAsync<DiffUnavailableException>(() => PackageAsync(aws, diff: true));

        Assert.That(error!.Message, Does.StartWith("no diff: " + FromTagsLocation));
    }

    [Test]
    public void Without_aws_the_tags_are_a_located_error_saying_they_need_aws_or_subnet_ids()
    {
        var error = Assert.ThrowsAsync<CopilotJobException>(() => PackageAsync(aws: null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Describe(), Does.StartWith(FromTagsLocation));
            Assert.That(error.Message, Does.StartWith("subnets.from_tags needs AWS access").And.Contain("copilot/.records.yml cannot hold subnet IDs"));
            Assert.That(error.Recommendation, Does.Contain("list the subnet IDs under network.vpc.placement.subnets"));
        }
    }

    private static async Task<PackageResult> PackageAsync(ScriptedSubnets? aws, bool diff = false)
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        dir.Write("copilot/.records.yml", Records);
        dir.Write(ManifestPath, Manifest);
        var packager = new JobPackager(
            new FileSystem(), new DictionaryEnvironmentVariables(new Dictionary<string, string>()), NullPackagingReporter.Instance,
            aws is null ? null : new AwsPorts(aws.RecordStore, aws, aws, aws));
        return await packager.PackageAsync(
            new JobPackageRequest { WorkingDirectory = dir.Path, JobName = "mailer", EnvironmentName = "test", Mode = diff ? new PackageMode.Diff() : new PackageMode.Print(), AllowDowngrade = true },
            CancellationToken.None);
    }

    /// <summary>An AWS side that only answers the subnet lookup, with fixed IDs or a fixed error.</summary>
    private sealed class ScriptedSubnets : ISubnetLookup, IDeployedStacks, IAssetPublisher
    {
        private readonly IReadOnlyList<string> ids = [];
        private readonly CopilotJobException? failure;

        public ScriptedSubnets(IReadOnlyList<string> ids) => this.ids = ids;

        public ScriptedSubnets(CopilotJobException failure) => this.failure = failure;

        public EnvironmentRecord? Environment { get; private set; }

        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Tags { get; private set; }

        public Task<IReadOnlyList<string>> ResolveSubnetsAsync(EnvironmentRecord environment, IReadOnlyDictionary<string, IReadOnlyList<string>> tags, CancellationToken cancellationToken)
        {
            Environment = environment;
            Tags = tags;
            return failure is null ? Task.FromResult(ids) : Task.FromException<IReadOnlyList<string>>(failure);
        }

        public IRecordStore RecordStore() => throw new AssertionException("records come from the workspace");

        public Task<IDeployedStackSource> ForEnvironmentAsync(EnvironmentRecord environment, CancellationToken cancellationToken) =>
            throw new AssertionException("the deployed stack is not read");

        public Task<UploadResult> UploadAssetsAsync(UploadRequest request, CancellationToken cancellationToken) =>
            throw new AssertionException("nothing is uploaded");
    }
}
