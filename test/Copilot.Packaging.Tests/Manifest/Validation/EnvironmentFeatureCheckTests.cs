using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Manifest.Validation;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class EnvironmentFeatureCheckTests
{
    private static readonly ScheduledJobManifest PrivateJob = Valid(("network.vpc.placement", 20, 16)) with
    {
        Network = new NetworkConfig { Placement = "private", PlacementSpecified = true },
    };

    private static readonly ScheduledJobManifest ManagedEfsJob = Valid(("storage.volumes.data.efs", 33, 12)) with
    {
        Storage = new StorageConfig
        {
            Volumes = new Dictionary<string, VolumeConfig>
            {
                ["scratch"] = new() { Path = "/scratch" },
                ["data"] = new() { Path = "/data", Efs = new EfsConfig { Uid = 1000, Gid = 1000 } },
            },
        },
    };

    [Test]
    public void Private_placement_needs_the_nat_gateway_feature()
    {
        var error = Assert.Throws<CopilotJobException>(() => EnvironmentFeatureCheck.Ensure(PrivateJob, "test", "v1.2.0", ["EFSWorkloads"]));

        Assert.That(error.Message, Does.StartWith("environment \"test\" is on version \"v1.2.0\" which does not support the \"NAT Gateway\" feature. "));
        Assert.That(error.Message, Does.Contain("(network.vpc.placement) requires it; the least environment version that supports it is v1.3.0."));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(FilePath, 20, 16)));
    }

    [Test]
    public void Managed_efs_needs_the_efs_feature()
    {
        var error = Assert.Throws<CopilotJobException>(() => EnvironmentFeatureCheck.Ensure(ManagedEfsJob, "prod", "v1.1.0", ["NATWorkloads"]));

        Assert.That(error.Message, Does.StartWith("environment \"prod\" is on version \"v1.1.0\" which does not support the \"EFS\" feature. "));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(FilePath, 33, 12)));
    }

    [Test]
    public void Environment_with_the_features_passes()
    {
        var both = PrivateJob with { Storage = ManagedEfsJob.Storage };

        Assert.DoesNotThrow(() => EnvironmentFeatureCheck.Ensure(both, "test", "v1.30.0", ["NATWorkloads", "EFSWorkloads", "AppName"]));
    }

    [Test]
    public void Job_needing_no_feature_passes_on_any_environment() =>
        Assert.DoesNotThrow(() => EnvironmentFeatureCheck.Ensure(Valid(), "test", "v1.0.0", []));

    [Test]
    public void Missing_features_are_all_named()
    {
        var both = PrivateJob with { Storage = ManagedEfsJob.Storage };

        var error = Assert.Throws<CopilotJobException>(() => EnvironmentFeatureCheck.Ensure(both, "test", "v1.2.0", []));

        Assert.That(error.Message, Does.Contain("\"NAT Gateway\" feature"));
        Assert.That(error.Message, Does.EndWith("It also needs the \"EFS\" feature (storage.volumes.data.efs, from v1.3.0)."));
    }

    [Test]
    public void Recommendation_is_one_deploy_when_the_environment_manifest_exists()
    {
        var error = Assert.Throws<CopilotJobException>(() => EnvironmentFeatureCheck.Ensure(PrivateJob, "test", "v1.2.0", [], environmentManifestExists: true));

        Assert.That(error.Recommendation, Is.EqualTo("You can upgrade the \"test\" environment template by running `copilot env deploy --name test`."));
    }

    [Test]
    public void Recommendation_explains_how_to_write_the_environment_manifest_first()
    {
        var error = Assert.Throws<CopilotJobException>(() => EnvironmentFeatureCheck.Ensure(PrivateJob, "test", "v1.2.0", []));

        var lines = error.Recommendation!.Split(Environment.NewLine);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[1], Does.Contain("`mkdir -p copilot/environments/test`"));
        Assert.That(lines[2], Does.Contain("`copilot env show --name test --manifest > copilot/environments/test/manifest.yml`"));
        Assert.That(lines[3], Does.Contain("`copilot env deploy --name test`"));
    }
}
