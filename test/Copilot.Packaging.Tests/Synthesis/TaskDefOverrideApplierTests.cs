using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class TaskDefOverrideApplierTests
{
    private const string Properties = "Resources.TaskDefinition.Properties";

    private static YamlMappingNode Render(params TaskDefOverride[] rules) =>
        Synthesizer().Synthesize(Input(MinimalManifest() with { TaskDefOverrides = rules })).Template;

    private static CopilotJobException Fails(params TaskDefOverride[] rules) =>
        Assert.Throws<CopilotJobException>(() => Render(rules))!;

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    [Test]
    public void T_OVR_01_an_empty_template_cannot_be_overridden()
    {
        var error = Assert.Throws<CopilotJobException>(() =>
            TaskDefOverrideApplier.Apply(new YamlMappingNode(), [new TaskDefOverride("Cpu", Plain("1"))], ManifestSourceMap.Empty));

        Assert.That(error!.Message, Is.EqualTo("cannot apply override rule on empty YAML template"));
    }

    [Test]
    public void T_OVR_02_an_index_past_the_end_of_an_existing_list_is_rejected()
    {
        var error = Fails(
            new TaskDefOverride("ContainerDefinitions[0].PortMappings[-].ContainerPort", Plain("80")),
            new TaskDefOverride("ContainerDefinitions[0].PortMappings[1].ContainerPort", Plain("81")));

        Assert.That(error.Message, Is.EqualTo(
            "taskdef_overrides[1]: cannot specify PortMappings[1] because the current length is 1. Use [-] to append to the sequence instead"));
    }

    [Test]
    public void T_OVR_03_an_index_into_a_missing_list_is_rejected_with_its_location()
    {
        var location = new SourceLocation("copilot/report/manifest.yml", 30, 11);
        var manifest = MinimalManifest() with
        {
            TaskDefOverrides = [new TaskDefOverride("ContainerDefinitions[0].VolumesFrom[1].SourceContainer", Plain("x"))],
            Source = new ManifestSourceMap("copilot/report/manifest.yml", new Dictionary<string, SourceLocation> { ["taskdef_overrides[0].path"] = location }),
        };

        var error = Assert.Throws<CopilotJobException>(() => Synthesizer().Synthesize(Input(manifest)));

        Assert.That(error!.Message, Is.EqualTo(
            "taskdef_overrides[0]: cannot specify VolumesFrom[1] because VolumesFrom does not exist. Use VolumesFrom[-] to append to the sequence instead"));
        Assert.That(error.Location, Is.EqualTo(location));
    }

    [Test]
    public void T_OVR_04_appending_to_a_missing_list_creates_it_and_keeps_the_value_tag()
    {
        var value = new YamlScalarNode("ParamName") { Tag = new TagName("!Ref") };

        var template = Render(new TaskDefOverride("ContainerDefinitions[0].Ulimits[-].HardLimit", value));

        var ulimits = (YamlSequenceNode)TemplatePaths.Node(template, $"{Properties}.ContainerDefinitions[0].Ulimits");
        Assert.That(ulimits.Children, Has.Count.EqualTo(1));
        Assert.That(TemplatePaths.Text(ulimits.Children[0], "HardLimit"), Is.EqualTo("ParamName"));
        Assert.That(TemplatePaths.Tag(ulimits.Children[0], "HardLimit"), Is.EqualTo("!Ref"));
        Assert.That(YamlTextWriter.Write(template), Does.Contain("          Ulimits:\n            - HardLimit: !Ref ParamName\n"));
    }

    [Test]
    public void T_OVR_05_appending_to_an_existing_list_adds_the_value_at_the_end()
    {
        var template = Render(new TaskDefOverride("RequiresCompatibilities[-]", Plain("EC2")));

        var list = (YamlSequenceNode)TemplatePaths.Node(template, $"{Properties}.RequiresCompatibilities");
        Assert.That(list.Children.Select(c => ((YamlScalarNode)c).Value), Is.EqualTo(new[] { "FARGATE", "EC2" }));
    }

    [Test]
    public void T_OVR_06_missing_maps_are_created_and_a_flow_list_stays_flow()
    {
        var capabilities = new YamlSequenceNode(new YamlScalarNode("AUDIT_CONTROL") { Style = ScalarStyle.DoubleQuoted }, new YamlScalarNode("AUDIT_WRITE") { Style = ScalarStyle.DoubleQuoted })
        {
            Style = SequenceStyle.Flow,
        };

        var template = Render(new TaskDefOverride("ContainerDefinitions[0].LinuxParameters.Capabilities.Add", capabilities));

        Assert.That(YamlTextWriter.Write(template), Does.Contain(
            "          LinuxParameters:\n            Capabilities:\n              Add: [\"AUDIT_CONTROL\", \"AUDIT_WRITE\"]\n"));
    }

    [Test]
    public void Replacing_an_existing_key_keeps_its_position()
    {
        var template = Render(new TaskDefOverride("Cpu", Plain("1024")));

        var keys = TemplatePaths.Keys(template, Properties).ToList();
        Assert.That(TemplatePaths.Text(template, $"{Properties}.Cpu"), Is.EqualTo("1024"));
        Assert.That(keys.IndexOf("Cpu"), Is.EqualTo(keys.IndexOf("RequiresCompatibilities") + 1));
    }

    [Test]
    public void Replacing_a_list_element_by_index_works()
    {
        var template = Render(new TaskDefOverride("ContainerDefinitions[0].Environment[1].Value", Plain("svc.local")));

        Assert.That(TemplatePaths.Text(template, $"{Properties}.ContainerDefinitions[0].Environment[1].Value"), Is.EqualTo("svc.local"));
    }

    [Test]
    public void The_template_does_not_share_nodes_with_the_manifest()
    {
        var value = Plain("1024");

        var template = Render(new TaskDefOverride("Memory", value));

        Assert.That(TemplatePaths.Node(template, $"{Properties}.Memory"), Is.Not.SameAs(value));
    }

    [TestCase("ContainerDefinitions[a].Name", "ContainerDefinitions[a]")]
    [TestCase("Container Definitions", "Container Definitions")]
    [TestCase("Ulimits[]", "Ulimits[]")]
    [TestCase("a..b", "")]
    public void A_malformed_segment_is_rejected(string path, string segment)
    {
        var error = Fails(new TaskDefOverride(path, Plain("x")));

        Assert.That(error.Message, Is.EqualTo(
            $"taskdef_overrides[0]: invalid override path segment \"{segment}\": segments must be of the form \"array[0]\", \"array[-]\" or \"key\""));
    }

    [Test]
    public void Descending_into_a_scalar_is_rejected()
    {
        var error = Fails(new TaskDefOverride("NetworkMode.Foo", Plain("x")));

        Assert.That(error.Message, Does.StartWith("taskdef_overrides[0]: cannot apply override at \"Resources.TaskDefinition.Properties.NetworkMode\""));
    }

    [Test]
    public void A_rule_without_a_value_is_rejected()
    {
        Assert.That(Fails(new TaskDefOverride("Cpu", null)).Message, Does.Contain("\"value\" must be specified"));
    }
}
