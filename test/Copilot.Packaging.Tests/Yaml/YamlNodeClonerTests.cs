using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Yaml;

public class YamlNodeClonerTests
{
    private const string Shared = "base: &b {Ref: !Ref Env, Name: 'x'}\nuse: *b\n";

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Test]
    public void Clone_copies_tags_styles_and_values_without_sharing_a_node_with_the_source()
    {
        var source = Load("a: !Sub '${X}'\nb: [1, \"two\"]\n");

        var copy = (YamlMappingNode)YamlNodeCloner.Clone(source);

        Assert.That(copy, Is.Not.SameAs(source));
        Assert.That(copy, Is.EqualTo(source));
        var a = (YamlScalarNode)copy.Children[new YamlScalarNode("a")];
        Assert.That(a.Tag.Value, Is.EqualTo("!Sub"));
        Assert.That(a.Style, Is.EqualTo(ScalarStyle.SingleQuoted));
        var b = (YamlSequenceNode)copy.Children[new YamlScalarNode("b")];
        Assert.That(b.Style, Is.EqualTo(SequenceStyle.Flow));
        Assert.That(b.Children[1], Is.Not.SameAs(((YamlSequenceNode)source.Children[new YamlScalarNode("b")]).Children[1]));
        Assert.That(((YamlScalarNode)b.Children[1]).Style, Is.EqualTo(ScalarStyle.DoubleQuoted));
    }

    [Test]
    public void Clone_copies_an_aliased_node_once_per_reference_and_drops_its_anchor()
    {
        var copy = (YamlMappingNode)YamlNodeCloner.Clone(Load(Shared));

        var first = copy.Children[new YamlScalarNode("base")];
        var second = copy.Children[new YamlScalarNode("use")];
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Anchor.IsEmpty, Is.True);
    }

    [Test]
    public void CloneKeepingAliases_shares_the_copy_of_an_aliased_node_and_keeps_its_anchor()
    {
        var source = Load(Shared);

        var copy = YamlNodeCloner.CloneKeepingAliases(source);

        var first = copy.Children[new YamlScalarNode("base")];
        Assert.That(first, Is.Not.SameAs(source.Children[new YamlScalarNode("base")]));
        Assert.That(copy.Children[new YamlScalarNode("use")], Is.SameAs(first));
        Assert.That(first.Anchor.Value, Is.EqualTo("b"));
        Assert.That(((YamlScalarNode)((YamlMappingNode)first).Children[new YamlScalarNode("Ref")]).Tag.Value, Is.EqualTo("!Ref"));
    }
}
