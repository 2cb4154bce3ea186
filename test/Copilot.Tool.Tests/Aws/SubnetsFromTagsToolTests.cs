using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// <c>network.vpc.placement.subnets.from_tags</c> through the real host: the subnets are looked up in moto's EC2 in the
/// environment's region, and their IDs are rendered as explicit subnets.
/// </summary>
[TestFixture]
public sealed class SubnetsFromTagsToolTests : DeployableMotoFixture
{
    private string _zoneA = null!;
    private string _zoneB = null!;

    [OneTimeSetUp]
    public async Task CreateTaggedSubnets()
    {
        var subnets = new TaggedSubnets(Server);
        var vpc = await subnets.CreateVpcAsync("10.30.0.0/16");
        _zoneA = await subnets.CreateSubnetAsync(vpc, "10.30.1.0/24", new Dictionary<string, string> { ["tier"] = "jobs", ["zone"] = "a" });
        _zoneB = await subnets.CreateSubnetAsync(vpc, "10.30.2.0/24", new Dictionary<string, string> { ["tier"] = "jobs", ["zone"] = "b" });
        await subnets.CreateSubnetAsync(vpc, "10.30.3.0/24", new Dictionary<string, string> { ["tier"] = "web", ["zone"] = "a" });
    }

    /// <summary>Places the example job in the subnets carrying <paramref name="fromTags"/> (YAML lines under <c>from_tags:</c>).</summary>
    internal static void UseSubnetsFromTags(Workspace workspace, params string[] fromTags)
    {
        var manifest = workspace.File($"copilot/{AwsWorkspace.Job}/manifest.yml");
        File.AppendAllText(
            manifest,
            "network:\n  vpc:\n    placement:\n      subnets:\n        from_tags:\n" + string.Concat(fromTags.Select(line => $"          {line}\n")));
    }

    [Test]
    public async Task The_subnets_with_the_tags_are_packaged_as_explicit_subnets_without_a_public_ip()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        UseSubnetsFromTags(workspace, "tier: jobs", "zone: [a, b]");

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        // The lookup sorts the IDs: EC2 promises no order, and the template must not change from run to run.
        var (first, second) = string.CompareOrdinal(_zoneA, _zoneB) < 0 ? (_zoneA, _zoneB) : (_zoneB, _zoneA);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Stdout, Does.Contain(
            $"        Subnets:\n          Fn::Join:\n            - '\",\"'\n            - - {first}\n              - {second}\n        AssignPublicIp: DISABLED\n"));
    }

    [Test]
    public async Task With_a_records_file_the_subnets_are_still_looked_up_in_aws()
    {
        using var workspace = Workspace.CopyOfExample();
        // The manager role's account is where the subnets are searched (moto keeps accounts apart, as AWS does).
        var records = workspace.File("copilot/.records.yml");
        File.WriteAllText(records, File.ReadAllText(records).Replace("123456789123", MotoServer.Account, StringComparison.Ordinal));
        UseSubnetsFromTags(workspace, "tier: jobs", "zone: b");

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain("Using records for environment test from copilot/.records.yml."));
            Assert.That(run.Stdout, Does.Contain($"            - - {_zoneB}\n        AssignPublicIp: DISABLED\n"));
        }
    }

    [Test]
    public async Task Tags_no_subnet_has_are_one_located_error_and_nothing_is_written()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        UseSubnetsFromTags(workspace, "tier: jobs", "zone: c");

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--output-dir", "out");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Stderr, Does.Contain($"copilot/{AwsWorkspace.Job}/manifest.yml:40:11: no subnet in region us-west-2 has the tags of from_tags (tier: jobs; zone: c)"));
            Assert.That(run.Stderr.Split('\n').Count(l => l.StartsWith('✘')), Is.EqualTo(1), "one error line");
            Assert.That(Directory.Exists(workspace.File("out")), Is.False);
        }
    }

    [Test]
    public async Task With_diff_tags_no_subnet_has_mean_no_diff_with_exit_2()
    {
        using var workspace = AwsWorkspace.WithoutRecords();
        UseSubnetsFromTags(workspace, "tier: nowhere");

        var run = await InProcessTool.RunAsync(workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", AwsWorkspace.Job, "-e", "test", "--diff");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("no diff: ").And.Contain("no subnet in region us-west-2 has the tags of from_tags (tier: nowhere)"));
    }
}
