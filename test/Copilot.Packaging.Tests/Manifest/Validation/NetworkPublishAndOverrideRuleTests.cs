using Copilot.Packaging.Manifest.Model;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class NetworkPublishAndOverrideRuleTests
{
    [TestCase("public")]
    [TestCase("private")]
    public void Public_and_private_placements_are_accepted(string placement) =>
        AssertValid(Valid() with { Network = new NetworkConfig { Placement = placement, PlacementSpecified = true } });

    [Test]
    public void Placement_with_subnet_ids_is_accepted() =>
        AssertValid(Valid() with { Network = new NetworkConfig { SubnetIds = ["subnet-1"], PlacementSpecified = true } });

    [Test]
    public void Placement_map_without_subnets_is_empty()
    {
        var manifest = Valid() with { Network = new NetworkConfig { SubnetIds = [], PlacementSpecified = true } };

        Assert.That(SingleError(manifest).Message, Does.StartWith("\"placement\" cannot be empty"));
    }

    [Test]
    public void Empty_schedule_is_refused_before_rendering()
    {
        var manifest = Valid(("on.schedule", 24, 13)) with { Schedule = " " };

        AssertError(SingleError(manifest), "on.schedule", $"{FilePath}:24:13", "\"schedule\" cannot be empty");
    }

    [Test]
    public void Topics_whose_logical_ids_collide_are_refused()
    {
        var manifest = Valid(("publish.topics[1].name", 14, 13)) with
        {
            Topics = [new TopicConfig { Name = "order-events" }, new TopicConfig { Name = "order_events" }],
        };

        AssertError(
            SingleError(manifest),
            "publish.topics[1].name",
            $"{FilePath}:14:13",
            "topic \"order_events\" and topic \"order-events\" would get the same CloudFormation logical ID (ordereventsSNSTopic)");
    }

    [Test]
    public void Fifo_and_standard_topic_of_one_name_are_accepted() =>
        AssertValid(Valid() with { Topics = [new TopicConfig { Name = "orders", Fifo = true }, new TopicConfig { Name = "orders" }] });

    [TestCase("ContainerDefinitions[0].Ulimits[-].HardLimit")]
    [TestCase("Volumes[-]")]
    [TestCase("ContainerDefinitions[1].Environment")]
    public void Well_formed_override_paths_are_accepted(string path) =>
        AssertValid(Valid() with { TaskDefOverrides = [new TaskDefOverride(path, null)] });

    [TestCase("ContainerDefinitions[x].Image", "ContainerDefinitions[x]")]
    [TestCase("Ulimits..Name", "")]
    [TestCase("Tags[-1]", "Tags[-1]")]
    public void Malformed_override_path_segments_are_refused(string path, string segment)
    {
        var manifest = Valid(("taskdef_overrides[0].path", 70, 11)) with { TaskDefOverrides = [new TaskDefOverride(path, null)] };

        AssertError(
            SingleError(manifest),
            "taskdef_overrides[0].path",
            $"{FilePath}:70:11",
            $"invalid override path segment \"{segment}\": segments must be of the form \"array[0]\", \"array[-]\" or \"key\"");
    }

    [Test]
    public void Override_without_path_is_refused() =>
        Assert.That(
            SingleError(Valid() with { TaskDefOverrides = [new TaskDefOverride(null, null)] }).Message,
            Does.StartWith("\"path\" must be specified"));
}
