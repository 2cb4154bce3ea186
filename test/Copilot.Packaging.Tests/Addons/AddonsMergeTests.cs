using Copilot.Packaging.Errors;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Addons;

public sealed class AddonsMergeTests
{
    private AddonsTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new AddonsTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void Missing_directory_means_no_addons()
    {
        Assert.That(_files.Read(), Is.Null);
    }

    [Test]
    public void Directory_without_template_files_means_no_addons()
    {
        _files.Write("README.md", "# notes").Write("addons.parameters.yml", "Parameters:\n  X: 1\n").Write("template.json", "{}");

        Assert.That(_files.Read(), Is.Null);
    }

    [Test]
    public void T_ADD_01_metadata_key_defined_differently_is_a_located_conflict()
    {
        _files.Write("first.yaml", AddonsTestFiles.First).Write("invalid-metadata.yaml", "Metadata:\n  Services:\n    - be");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("metadata key \"Services\" defined in \"first.yaml\" at Ln 4, Col 7 is different than in \"invalid-metadata.yaml\" at Ln 3, Col 5"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/invalid-metadata.yaml", 3, 5)));
        Assert.That(ex.Recommendation, Does.Contain("copilot/mailer/addons/first.yaml:4:7"));
    }

    [Test]
    public void T_ADD_02_parameter_defined_differently_is_a_conflict_even_when_descriptions_also_differ()
    {
        _files.Write("first.yaml", AddonsTestFiles.First).Write(
            "invalid-parameters.yaml",
            "Parameters:\n    Name:\n      Type: String\n      Description: Your workload's name.\n      Default: api\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("parameter logical ID \"Name\" defined in \"first.yaml\" at Ln 15, Col 9 is different than in \"invalid-parameters.yaml\" at Ln 3, Col 7"));
        Assert.That(ex.Describe(), Does.StartWith("copilot/mailer/addons/invalid-parameters.yaml:3:7: parameter logical ID"));
    }

    [Test]
    public void T_ADD_03_mappings_conflict_at_the_second_level()
    {
        _files.Write("first.yaml", AddonsTestFiles.First).Write(
            "invalid-mappings.yaml",
            "Mappings:\n  MyTableDynamoDBSettings:\n    test:\n      RCU: 10\n      WCU: 5\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("mapping \"MyTableDynamoDBSettings.test\" defined in \"first.yaml\" at Ln 21, Col 13 is different than in \"invalid-mappings.yaml\" at Ln 4, Col 7"));
    }

    [TestCase("invalid-conditions.yaml", "Conditions:\n  IsProd: !Equals [!Ref Env, production]\n", "condition \"IsProd\" defined in \"first.yaml\" at Ln 28, Col 13 is different than in \"invalid-conditions.yaml\" at Ln 2, Col 11")]
    [TestCase("invalid-resources.yaml", "Resources:\n  MyTable:\n    Type: AWS::S3::Bucket\n", "resource \"MyTable\" defined in \"first.yaml\" at Ln 34, Col 9 is different than in \"invalid-resources.yaml\" at Ln 3, Col 5")]
    [TestCase("invalid-outputs.yaml", "Outputs:\n  MyTableAccessPolicy:\n    Value: !GetAtt MyTableAccessPolicy.Arn\n", "output \"MyTableAccessPolicy\" defined in \"first.yaml\" at Ln 55, Col 9 is different than in \"invalid-outputs.yaml\" at Ln 3, Col 5")]
    public void T_ADD_04_conditions_resources_and_outputs_conflict(string name, string content, string expected)
    {
        _files.Write("first.yaml", AddonsTestFiles.First).Write(name, content);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo(expected));
    }

    [Test]
    public void Same_definitions_in_two_files_merge_ignoring_quoting_comments_and_key_order()
    {
        _files.Write("first.yaml", AddonsTestFiles.First).Write("second.yml", """
            Parameters:
              Env: {Description: "The environment name.", Type: 'String'}   # same as in first.yaml
            Mappings:
              MyTableDynamoDBSettings:
                test: {RCU: '5', WCU: "5"}
                staging:
                  RCU: 1
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
            Transform: [AWS::Serverless-2016-10-31]
            """);

        var addons = _files.ReadRequired();

        var mappings = (YamlMappingNode)addons.Template["Mappings"]["MyTableDynamoDBSettings"];
        Assert.That(mappings.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "test", "prod", "staging" }));
        Assert.That(((YamlMappingNode)addons.Template["Resources"]).Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "MyTable", "MyTableAccessPolicy", "Bucket" }));
        Assert.That(addons.Template["Transform"].ToString(), Is.EqualTo("AWS::Serverless-2016-10-31"));
        Assert.That(addons.Warnings, Is.Empty);
    }

    [Test]
    public void Definitions_differing_only_in_description_do_not_conflict_and_keep_the_first_with_a_warning()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "  Stage:\n    Type: String\n    Default: dev\n    Description: The stage.\n")
            .Write("b.yml", "Parameters:\n  Stage:\n    Type: String\n    Default: dev\n    Description: Which stage to deploy.\n");

        var addons = _files.ReadRequired();

        Assert.That(addons.Template["Parameters"]["Stage"]["Description"].ToString(), Is.EqualTo("The stage."));
        Assert.That(addons.Warnings, Has.Count.EqualTo(1));
        Assert.That(addons.Warnings[0].Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(addons.Warnings[0].Message, Does.StartWith("parameter logical ID \"Stage\" defined in \"a.yml\" at Ln 9, Col 5 has a different Description than in \"b.yml\" at Ln 3, Col 5"));
        Assert.That(addons.Warnings[0].Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/b.yml", 3, 5)));
    }

    [Test]
    public void Resource_properties_named_description_still_conflict()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Description: one\n")
            .Write("b.yml", "Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Description: two\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.StartWith("resource \"Policy\" defined in \"a.yml\""));
    }

    [Test]
    public void Quoted_number_and_plain_number_are_the_same_value_but_tags_matter()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "Conditions:\n  C: !Equals ['1', 1]\n")
            .Write("b.yml", "Conditions:\n  C: !Equals [1, \"1\"]\n")
            .Write("c.yml", "Conditions:\n  C: !Not [1, 1]\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.StartWith("condition \"C\" defined in \"a.yml\"").And.Contains("\"c.yml\""));
    }

    [Test]
    public void Merged_text_keeps_only_the_cfn_sections_in_order_with_tags_and_two_space_indent()
    {
        _files.Write("z.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: dropped\nOutputs:\n  Hello:\n    Value: world\nUnknown: dropped\n")
            .Write("a.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${App}-topic'\n");

        var text = _files.ReadRequired().Text;

        Assert.That(text, Is.EqualTo("""
            Parameters:
              App:
                Type: String
              Env:
                Type: String
              Name:
                Type: String
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub '${App}-topic'
            Outputs:
              Hello:
                Value: world

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Resources_is_always_written()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters);

        Assert.That(_files.ReadRequired().Text, Does.EndWith("Resources: {}\n"));
    }

    [Test]
    public void Distinct_transforms_are_collected_into_a_list()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "Transform: AWS::Serverless-2016-10-31\n")
            .Write("b.yml", "Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\n");

        var transform = (YamlSequenceNode)_files.ReadRequired().Template["Transform"];

        Assert.That(transform.Children.Select(c => c.ToString()), Is.EqualTo(new[] { "AWS::Serverless-2016-10-31", "AWS::LanguageExtensions" }));
    }

    [Test]
    public void Files_merge_in_ordinal_name_order_and_other_extensions_are_ignored()
    {
        _files.Write("b.yaml", AddonsTestFiles.ReservedParameters + "Resources:\n  B:\n    Type: AWS::SNS::Topic\n")
            .Write("A.yml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n")
            .Write("c.YML", "Resources:\n  C:\n    Type: [broken\n")
            .Write("d.json", "{");

        var resources = (YamlMappingNode)_files.ReadRequired().Template["Resources"];

        Assert.That(resources.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void A_section_that_is_not_a_map_is_a_located_error()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  - not a map\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.Contain("Resources in \"a.yml\" must be a map"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/a.yml", 9, 3)));
    }
}
