using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Tests.Yaml;

public class YamlTextWriterTests
{
    [Test]
    public void Writes_tags_flow_lists_and_quoting_like_a_hand_written_template()
    {
        var hasAddons = Cfn.TaggedFlow("!Not", Cfn.TaggedFlow("!Equals", Cfn.Ref("AddonsTemplateURL"), Cfn.Double(string.Empty)));
        var policies = Cfn.List(Cfn.If("HasEnvFile", Cfn.Map(("Name", Cfn.Sub("${AppName}-x"))), Cfn.NoValue()));
        var properties = Cfn.Map(
            ("LogGroupName", Cfn.Join(string.Empty, Cfn.Str("/copilot/"), Cfn.Ref("AppName"))),
            ("Port", Cfn.Str("8080")),
            ("Policies", policies));
        var root = Cfn.Map(
            ("AWSTemplateFormatVersion", Cfn.Plain("2010-09-09")),
            ("Conditions", Cfn.Map(("HasAddons", hasAddons))),
            ("Resources", Cfn.Map(("LogGroup", Cfn.Map(("Type", Cfn.Str("AWS::Logs::LogGroup")), ("Properties", properties))))));

        var text = YamlTextWriter.Write(root);

        Assert.That(text, Is.EqualTo(
            """
            AWSTemplateFormatVersion: 2010-09-09
            Conditions:
              HasAddons: !Not [!Equals [!Ref AddonsTemplateURL, ""]]
            Resources:
              LogGroup:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Join ['', [/copilot/, !Ref AppName]]
                  Port: '8080'
                  Policies:
                    - !If
                      - HasEnvFile
                      - Name: !Sub '${AppName}-x'
                      - !Ref AWS::NoValue

            """));
    }

    [Test]
    public void Multi_line_strings_with_trailing_spaces_are_written_so_they_read_back_the_same()
    {
        var value = "{\n  \"a\": 1\n}      ";
        var text = YamlTextWriter.Write(Cfn.Map(("DefinitionString", Cfn.Literal(value))));

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(text));
        var back = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;

        Assert.That(((YamlDotNet.RepresentationModel.YamlScalarNode)back.Children[Cfn.Key("DefinitionString")]).Value, Is.EqualTo(value));
    }

    [TestCase("8080", false)]
    [TestCase("true", false)]
    [TestCase("", false)]
    [TestCase("2010-09-09", false)]
    [TestCase("a: b", false)]
    [TestCase("public.ecr.aws/nginx/nginx", true)]
    [TestCase("Hello world!", true)]
    [TestCase("*", false)]
    public void Plain_safety(string value, bool expected) =>
        Assert.That(Cfn.IsPlainSafe(value), Is.EqualTo(expected));
}
