using System.Text.Json.Nodes;
using Copilot.Packaging.Diff;
using Copilot.Packaging.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>The diff on copilot's golden job template (shared/compat, found by CompatData) and the §6.3 example.</summary>
public class CompatTemplateDiffTests
{
    private static string YamlTemplate => CompatData.ReadText("job-test.stack.yml");

    // derived/job-test.stack.equivalent.json: the same template as JSON, written from job-test.stack.yml (no
    // EnvControllerFunction.Code, ManagedPolicyArns without !Sub), full-form intrinsics, with four real differences:
    // ContainerDefinitions and each container's Environment list are in reverse order, the state machine
    // DefinitionString is minified, and the task role's Action is a one-item list instead of a string.
    private static string JsonTemplate => CompatData.ReadText("derived", "job-test.stack.equivalent.json");

    [Test]
    public void The_json_rendering_differs_from_the_yaml_template_only_where_it_truly_differs()
    {
        var tree = Tree(YamlTemplate, JsonTemplate);

        Assert.That(ChangedPaths(tree), Is.EqualTo(new[]
        {
            "Resources/StateMachine/Properties/DefinitionString",
            "Resources/TaskDefinition/Properties/ContainerDefinitions",
            "Resources/TaskRole/Properties/AssumeRolePolicyDocument/Statement",
        }));
    }

    [Test]
    public void The_json_rendering_with_its_real_differences_undone_is_no_change()
    {
        var yaml = CloudFormationTemplateParser.Parse(YamlTemplate, "job-test.stack.yml");
        var json = JsonNode.Parse(JsonTemplate)!;
        var resources = json["Resources"]!;
        var containers = resources["TaskDefinition"]!["Properties"]!["ContainerDefinitions"]!.AsArray();
        ReverseInPlace(containers);
        foreach (var container in containers)
        {
            ReverseInPlace(container!["Environment"]!.AsArray());
        }

        var definition = (YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml!)["Resources"])["StateMachine"])["Properties"])["DefinitionString"];
        resources["StateMachine"]!["Properties"]!["DefinitionString"] = definition.Value;
        resources["TaskRole"]!["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Action"] = "sts:AssumeRole";

        var tree = TemplateDiffer.Compare(yaml, CloudFormationTemplateParser.Parse(json.ToJsonString(), "equivalent.json"));

        Assert.That(tree.HasChanges, Is.False, DiffTextWriter.Write(tree));
    }

    [Test]
    public void The_minified_definition_string_is_shown_as_a_line_diff()
    {
        var text = DiffText(YamlTemplate, JsonTemplate);

        Assert.That(text, Does.Contain(
            """
                ~ StateMachine/Properties:
                    ~ DefinitionString:
                        - {
                        -   "Version": "1.0",
            """));
        Assert.That(text, Does.Contain("""            + {"Version":"1.0","Comment":"Run AWS Fargate task","TimeoutSeconds":3600,"""));
    }

    [Test]
    public void The_task_role_action_that_became_a_list_is_a_removal_then_an_addition()
    {
        var text = DiffText(YamlTemplate, JsonTemplate);

        Assert.That(text, Does.EndWith(Lines(
            """
                ~ TaskRole/Properties/AssumeRolePolicyDocument/Statement:
                    ~ - (changed item)
                      - Action: 'sts:AssumeRole'
                      + Action:
                      +     - sts:AssumeRole
            """)));
    }

    [Test]
    public void A_template_equals_itself_in_yaml_and_after_a_json_round_trip()
    {
        Assert.That(Tree(YamlTemplate, YamlTemplate).HasChanges, Is.False);
        Assert.That(Tree(JsonTemplate, JsonTemplate).HasChanges, Is.False);
    }

    [Test]
    public void When_nothing_is_deployed_every_line_of_the_new_template_is_added_with_four_space_nesting()
    {
        var text = DiffText(string.Empty, YamlTemplate);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.All.StartsWith("+ "));
        Assert.That(text, Does.StartWith(Lines(
            """
            + AWSTemplateFormatVersion: 2010-09-09
            + Description: CloudFormation template that represents a scheduled job on Amazon ECS.
            + Metadata:
            +     Version: v1.29.0
            + Parameters:
            +     AppName:
            +         Type: String
            """)));
        Assert.That(text, Does.Contain(
            """
            + Conditions:
            +     HasAddons: !Not [!Equals [!Ref AddonsTemplateURL, ""]]
            """));
        Assert.That(text, Does.Contain("+             DefinitionString: |-\n+                 {\n+                   \"Version\": \"1.0\","));
    }

    [Test]
    public void When_nothing_is_deployed_the_added_template_reads_back_as_the_same_template()
    {
        var text = DiffText(string.Empty, YamlTemplate);
        var withoutPrefixes = string.Join('\n', text.Split('\n').Select(line => line.Length >= 2 ? line[2..] : line));

        Assert.That(DiffText(YamlTemplate, withoutPrefixes), Is.Empty);
    }

    [Test]
    public void The_spec_example_block_is_reproduced_from_two_small_templates()
    {
        var text = DiffText(ExampleTemplate("v1.32.0", "v1.41.0", "old.zip", 600, "DISABLED", includeDescribeLogGroups: false, manifest: "name: job\ntype: Scheduled Job\n"),
                            ExampleTemplate("v1.33.2", "v1.42.0", "abc.zip", 900, "ENABLED", includeDescribeLogGroups: true, manifest: "name: job\ntype: Scheduled Job\non:\n  schedule: '@daily'\n"));

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ Metadata:
                ~ Version: v1.32.0 -> v1.33.2
            ~ Resources:
                ~ EnvControllerAction/Properties:
                    ~ EnvVersion: v1.41.0 -> v1.42.0
                ~ EnvControllerFunction/Properties:
                    ~ Code:
                        ~ S3Key: manual/scripts/custom-resources/envcontrollerfunction/old.zip -> manual/scripts/custom-resources/envcontrollerfunction/abc.zip
                    ~ Timeout: 600 -> 900
                ~ StateMachine/Properties/DefinitionSubstitutions:
                    ~ AssignPublicIp: DISABLED -> ENABLED
                ~ StateMachineRole/Properties/Policies:
                    ~ - (changed item)
                      ~ PolicyDocument/Statement:
                          (3 unchanged items)
                          ~ - (changed item)
                            ~ Action:
                                (7 unchanged items)
                                + - logs:DescribeLogGroups
                          (1 unchanged item)
            """)));
    }

    private static string ExampleTemplate(string version, string envVersion, string zip, int timeout, string assignPublicIp, bool includeDescribeLogGroups, string manifest)
    {
        var manifestBlock = string.Join("\n", manifest.TrimEnd('\n').Split('\n').Select(line => "    " + line));
        var describe = includeDescribeLogGroups ? "\n                  - logs:DescribeLogGroups" : string.Empty;
        return $$"""
            AWSTemplateFormatVersion: 2010-09-09
            Metadata:
              Version: {{version}}
              Manifest: |
            {{manifestBlock}}
            Resources:
              EnvControllerAction:
                Type: Custom::EnvControllerFunction
                Properties:
                  ServiceToken: !GetAtt EnvControllerFunction.Arn
                  EnvVersion: {{envVersion}}
              EnvControllerFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Code:
                    S3Bucket: bucket
                    S3Key: manual/scripts/custom-resources/envcontrollerfunction/{{zip}}
                  Handler: index.handler
                  Timeout: {{timeout}}
              StateMachine:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  DefinitionSubstitutions:
                    AssignPublicIp: {{assignPublicIp}}
                    Cluster: !Ref Cluster
              StateMachineRole:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: StateMachine
                      PolicyDocument:
                        Version: 2012-10-17
                        Statement:
                          - Effect: Allow
                            Action: iam:PassRole
                            Resource: '*'
                          - Effect: Allow
                            Action: ecs:RunTask
                            Resource: '*'
                          - Effect: Allow
                            Action: [ecs:StopTask, ecs:DescribeTasks]
                            Resource: '*'
                          - Effect: Allow
                            Action:
                              - logs:CreateLogDelivery
                              - logs:GetLogDelivery
                              - logs:UpdateLogDelivery
                              - logs:DeleteLogDelivery
                              - logs:ListLogDeliveries
                              - logs:PutResourcePolicy
                              - logs:DescribeResourcePolicies{{describe}}
                            Resource: '*'
                          - Effect: Allow
                            Action: events:PutTargets
                            Resource: '*'
            """;
    }

    private static void ReverseInPlace(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        for (var i = items.Count - 1; i >= 0; i--)
        {
            array.Add(items[i]);
        }
    }

    // The paths of the deepest keys whose subtrees hold the changes, as the writer would collapse them.
    private static List<string> ChangedPaths(DiffTree tree)
    {
        var paths = new List<string>();

        void Walk(DiffNode node, string path)
        {
            if (node is not KeyDiffNode || node.IsLeaf || node.Children.Any(c => c is not KeyDiffNode))
            {
                paths.Add(path);
                return;
            }

            foreach (var child in node.Children)
            {
                Walk(child, path.Length == 0 ? ((KeyDiffNode)child).Key : $"{path}/{((KeyDiffNode)child).Key}");
            }
        }

        Walk(tree.Root!, string.Empty);
        return paths;
    }
}
