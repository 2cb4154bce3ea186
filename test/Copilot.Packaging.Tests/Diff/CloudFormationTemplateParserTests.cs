using Copilot.Packaging.Diff;
using Copilot.Packaging.Errors;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Diff;

public class CloudFormationTemplateParserTests
{
    [TestCase("")]
    [TestCase("   \n  ")]
    [TestCase("# only a comment\n")]
    public void Text_without_a_document_gives_null(string text)
    {
        Assert.That(CloudFormationTemplateParser.Parse(text, "t.yml"), Is.Null);
    }

    [Test]
    public void Short_form_tags_and_quoting_are_kept()
    {
        var root = (YamlMappingNode)CloudFormationTemplateParser.Parse("Port: !Ref ContainerPort\nName: '80'", "t.yml")!;

        var port = (YamlScalarNode)root["Port"];
        var name = (YamlScalarNode)root["Name"];
        Assert.That(port.Tag.Value, Is.EqualTo("!Ref"));
        Assert.That(port.Value, Is.EqualTo("ContainerPort"));
        Assert.That(name.Style, Is.EqualTo(YamlDotNet.Core.ScalarStyle.SingleQuoted));
    }

    [Test]
    public void Json_with_tabs_and_escapes_that_yaml_rejects_is_read_with_a_json_parser()
    {
        var json = "{\n\t\"Resources\": {\n\t\t\"Bucket\": {\n\t\t\t\"Type\": \"AWS::S3::Bucket\",\n\t\t\t\"Properties\": {\"Prefix\": \"a\\/b \\u00e9\", \"Port\": 80, \"Flag\": true, \"Empty\": null}\n\t\t}\n\t}\n}";
        var yaml = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Prefix: a/b é\n      Port: '80'\n      Flag: true\n      Empty: null\n";

        var fromJson = CloudFormationTemplateParser.Parse(json, "t.json");
        var tree = TemplateDiffer.Compare(CloudFormationTemplateParser.Parse(yaml, "t.yml"), fromJson);

        Assert.That(tree.HasChanges, Is.False, DiffTextWriter.Write(tree));
    }

    [Test]
    public void Json_strings_that_span_lines_become_literal_blocks()
    {
        var root = (YamlMappingNode)CloudFormationTemplateParser.Parse("{\"Definition\": \"{\\n  \\\"a\\\": 1\\n}\"}", "t.json")!;

        var definition = (YamlScalarNode)root["Definition"];
        Assert.That(definition.Value, Is.EqualTo("{\n  \"a\": 1\n}"));
        Assert.That(definition.Style, Is.EqualTo(YamlDotNet.Core.ScalarStyle.Literal));
    }

    [Test]
    public void A_yaml_flow_mapping_that_is_not_json_is_read_as_yaml()
    {
        var root = (YamlMappingNode)CloudFormationTemplateParser.Parse("{Resources: {A: !Ref B}}", "t.yml")!;

        Assert.That(((YamlScalarNode)((YamlMappingNode)root["Resources"])["A"]).Tag.Value, Is.EqualTo("!Ref"));
    }

    [Test]
    public void A_byte_order_mark_before_json_is_skipped()
    {
        Assert.That(CloudFormationTemplateParser.Parse("\uFEFF{\"a\": 1}", "t.json"), Is.InstanceOf<YamlMappingNode>());
    }

    [Test]
    public void Invalid_json_is_reported_with_the_source_name_and_position()
    {
        var ex = Assert.Throws<CopilotJobException>(() => CloudFormationTemplateParser.Parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "the deployed template"));

        Assert.That(ex!.Message, Does.StartWith("the deployed template is not valid JSON: "));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("the deployed template", 3, 7)));
    }

    [Test]
    public void Invalid_yaml_is_reported_with_the_source_name_and_position()
    {
        var ex = Assert.Throws<CopilotJobException>(() => CloudFormationTemplateParser.Parse("a: 1\nb: [1, 2\n", "proposed.yml"));

        Assert.That(ex!.Message, Does.StartWith("proposed.yml is not valid YAML: "));
        Assert.That(ex.Location!.File, Is.EqualTo("proposed.yml"));
        Assert.That(ex.Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void A_duplicate_yaml_key_is_reported_where_it_repeats()
    {
        var ex = Assert.Throws<CopilotJobException>(() => CloudFormationTemplateParser.Parse("a: 1\na: 2\n", "t.yml"));

        Assert.That(ex!.Message, Does.Contain("Duplicate key"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("t.yml", 2, 1)));
    }

    [Test]
    public void A_duplicate_json_key_is_reported_with_its_path()
    {
        var ex = Assert.Throws<CopilotJobException>(() => CloudFormationTemplateParser.Parse("{\"Resources\": {\"A\": 1, \"A\": 2}}", "t.json"));

        Assert.That(ex!.Message, Is.EqualTo("t.json has the key \"Resources.A\" twice; every key of a JSON object must be unique."));
    }
}
