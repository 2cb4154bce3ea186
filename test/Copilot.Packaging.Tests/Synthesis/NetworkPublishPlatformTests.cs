using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class NetworkPublishPlatformTests
{
    private const string Substitutions = "Resources.StateMachine.Properties.DefinitionSubstitutions";

    private static YamlMappingNode Render(ScheduledJobManifest manifest, string region = "us-west-2") =>
        Synthesizer().Synthesize(Input(manifest, region: region)).Template;

    [Test]
    public void Default_placement_uses_public_subnets_with_a_public_ip()
    {
        var text = YamlTextWriter.Write(Render(MinimalManifest() with { Network = null }));

        Assert.That(text, Does.Contain(
            "        Subnets:\n          Fn::Join:\n            - '\",\"'\n            - Fn::Split:\n                - ','\n" +
            "                - Fn::ImportValue: !Sub '${AppName}-${EnvName}-PublicSubnets'\n        AssignPublicIp: ENABLED\n"));
    }

    [Test]
    public void Private_placement_uses_private_subnets_and_needs_nat()
    {
        var template = Render(MinimalManifest() with { Network = new NetworkConfig { Placement = "private" } });

        Assert.That(TemplatePaths.Text(template, $"{Substitutions}.Subnets.Fn::Join[1].Fn::Split[1].Fn::ImportValue"), Is.EqualTo("${AppName}-${EnvName}-PrivateSubnets"));
        Assert.That(TemplatePaths.Text(template, $"{Substitutions}.AssignPublicIp"), Is.EqualTo("DISABLED"));
        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerAction.Properties.Parameters[0]"), Is.EqualTo("NATWorkloads"));
        Assert.That(TemplatePaths.Text(template, "Resources.AddonsStack.DependsOn"), Is.EqualTo("EnvControllerAction"));
    }

    [Test]
    public void Explicit_subnets_are_joined_and_extra_security_groups_follow_the_environment_group()
    {
        var text = YamlTextWriter.Write(Render(MinimalManifest() with { Network = SynthesisScenarios.SubnetsNetwork() }));

        Assert.That(text, Does.Contain(
            "        Subnets:\n          Fn::Join:\n            - '\",\"'\n            - - subnet-0a1b2c3d\n              - subnet-4e5f6a7b\n        AssignPublicIp: DISABLED\n" +
            "        SecurityGroups:\n          Fn::Join:\n            - '\",\"'\n            - - Fn::ImportValue: !Sub '${AppName}-${EnvName}-EnvironmentSecurityGroup'\n" +
            "              - sg-0123456789abcdef0\n              - Fn::ImportValue: DatabaseSecurityGroup\n"));
    }

    [Test]
    public void Unresolved_subnets_by_tag_say_they_need_aws_access_or_subnet_ids()
    {
        var manifest = MinimalManifest() with
        {
            Network = new NetworkConfig { SubnetsFromTags = new Dictionary<string, IReadOnlyList<string>> { ["tier"] = ["private"] } },
        };

        var error = Assert.Throws<CopilotJobException>(() => Render(manifest));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.StartWith("subnets.from_tags needs AWS access"));
            Assert.That(error.Message, Does.Contain("copilot/.records.yml cannot hold subnet IDs"));
            Assert.That(error.Recommendation, Does.Contain("list the subnet IDs under network.vpc.placement.subnets"));
        }
    }

    [Test]
    public void Fifo_topics_get_the_fifo_suffix_in_names_ids_arns_and_descriptions()
    {
        var stack = Synthesizer().Synthesize(Input(MinimalManifest() with { Topics = SynthesisScenarios.PublishTopics() }));
        var template = stack.Template;

        Assert.That(TemplatePaths.Keys(template, "Resources").TakeLast(4), Is.EqualTo(new[]
        {
            "ordersSNSTopic", "ordersSNSTopicPolicy", "eventslogfifoSNSTopic", "eventslogfifoSNSTopicPolicy",
        }));
        Assert.That(TemplatePaths.Text(template, "Resources.eventslogfifoSNSTopic.Properties.TopicName"), Is.EqualTo("${AWS::StackName}-events-log.fifo"));
        Assert.That(TemplatePaths.Text(template, "Resources.eventslogfifoSNSTopic.Properties.FifoTopic"), Is.EqualTo("true"));
        Assert.That(TemplatePaths.Text(template, "Resources.eventslogfifoSNSTopic.Properties.ContentBasedDeduplication"), Is.EqualTo("true"));
        Assert.That(TemplatePaths.Text(template, "Resources.eventslogfifoSNSTopic.Metadata.aws:copilot:description"), Is.EqualTo("A SNS FIFO topic to broadcast events-log.fifo events"));
        Assert.That(TemplatePaths.Keys(template, "Resources.ordersSNSTopic.Properties"), Is.EqualTo(new[] { "TopicName", "KmsMasterKeyId" }));
        Assert.That(TemplatePaths.Text(template, "Resources.ordersSNSTopicPolicy.DependsOn"), Is.EqualTo("ordersSNSTopic"));
        Assert.That(TemplatePaths.Text(template, "Resources.TaskRole.Properties.Policies[1].PolicyDocument.Statement[0].Resource[1]"), Is.EqualTo("eventslogfifoSNSTopic"));
        Assert.That(((YamlScalarNode)TemplatePaths.Environment(template, 0)["COPILOT_SNS_TOPIC_ARNS"]).Value, Is.EqualTo(
            "{\"events-log.fifo\":\"arn:aws:sns:us-west-2:123456789123:my-app-test-report-events-log.fifo\"," +
            "\"orders\":\"arn:aws:sns:us-west-2:123456789123:my-app-test-report-orders\"}"));
    }

    [TestCase("us-west-2", "aws")]
    [TestCase("cn-north-1", "aws-cn")]
    [TestCase("us-gov-west-1", "aws-us-gov")]
    [TestCase("us-iso-east-1", "aws-iso")]
    [TestCase("us-isob-east-1", "aws-iso-b")]
    public void Topic_arns_use_the_partition_of_the_environment_region(string region, string partition)
    {
        var template = Render(MinimalManifest() with { Topics = [new TopicConfig { Name = "t" }] }, region);

        Assert.That(((YamlScalarNode)TemplatePaths.Environment(template, 0)["COPILOT_SNS_TOPIC_ARNS"]).Value,
            Is.EqualTo($"{{\"t\":\"arn:{partition}:sns:{region}:123456789123:my-app-test-report-t\"}}"));
    }

    [Test]
    public void An_unknown_region_fails_only_when_topic_arns_are_needed()
    {
        Assert.That(() => Render(MinimalManifest(), "mars-east-1"), Throws.Nothing);

        var error = Assert.Throws<CopilotJobException>(() => Render(MinimalManifest() with { Topics = [new TopicConfig { Name = "t" }] }, "mars-east-1"));
        Assert.That(error!.Message, Does.StartWith("find the partition for region mars-east-1"));
    }

    [TestCase("windows/x86_64", "WINDOWS_SERVER_2019_CORE", "X86_64", TestName = "T_TR_08 windows string form")]
    [TestCase("linux/arm64", "LINUX", "ARM64", TestName = "linux arm64")]
    [TestCase("linux/arm", "LINUX", "ARM64", TestName = "T_TR_10 linux arm")]
    public void Non_default_platforms_set_the_runtime_platform(string platform, string os, string arch)
    {
        var template = Render(MinimalManifest() with { Platform = new PlatformConfig { Text = platform } });

        Assert.That(TemplatePaths.Text(template, "Resources.TaskDefinition.Properties.RuntimePlatform.OperatingSystemFamily"), Is.EqualTo(os));
        Assert.That(TemplatePaths.Text(template, "Resources.TaskDefinition.Properties.RuntimePlatform.CpuArchitecture"), Is.EqualTo(arch));
        Assert.That(TemplatePaths.Keys(template, "Resources.TaskDefinition.Properties")[1], Is.EqualTo("RuntimePlatform"));
        var definition = TemplatePaths.Text(template, "Resources.StateMachine.Properties.DefinitionString");
        Assert.That(definition, Does.Contain(os == "LINUX" ? "\"PlatformVersion\": \"LATEST\"" : "\"PlatformVersion\": \"1.0.0\""));
    }

    [TestCase("windows_server_2022_full", "WINDOWS_SERVER_2022_FULL")]
    [TestCase("windows_server_2019_full", "WINDOWS_SERVER_2019_FULL")]
    [TestCase("windows_server_2022_core", "WINDOWS_SERVER_2022_CORE")]
    public void T_TR_07_map_form_windows_families(string family, string expected)
    {
        var template = Render(MinimalManifest() with { Platform = new PlatformConfig { OsFamily = family, Architecture = "x86_64" } });

        Assert.That(TemplatePaths.Text(template, "Resources.TaskDefinition.Properties.RuntimePlatform.OperatingSystemFamily"), Is.EqualTo(expected));
        Assert.That(TemplatePaths.Text(template, "Resources.StateMachine.Properties.DefinitionString"), Does.Contain("\"PlatformVersion\": \"1.0.0\""));
    }

    [TestCase("linux/amd64", TestName = "T_TR_09 linux amd64 is the default")]
    [TestCase("linux/x86_64", TestName = "linux x86_64 is the default")]
    public void Default_platform_has_no_runtime_platform(string platform)
    {
        var template = Render(MinimalManifest() with { Platform = new PlatformConfig { Text = platform } });

        Assert.That(TemplatePaths.Find(template, "Resources.TaskDefinition.Properties.RuntimePlatform"), Is.Null);
    }

    [Test]
    public void Permissions_boundary_is_set_on_every_role_and_named_in_role_descriptions()
    {
        var template = Synthesizer().Synthesize(Input(MinimalManifest(), permissionsBoundary: "pb-policy")).Template;

        foreach (var role in new[] { "EnvControllerRole", "ExecutionRole", "TaskRole", "RuleRole", "StateMachineRole" })
        {
            Assert.That(TemplatePaths.Text(template, $"Resources.{role}.Properties.PermissionsBoundary"),
                Is.EqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/pb-policy"), role);
            Assert.That(TemplatePaths.Tag(template, $"Resources.{role}.Properties.PermissionsBoundary"), Is.EqualTo("!Sub"), role);
        }

        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerRole.Metadata.aws:copilot:description"), Is.EqualTo("An IAM role with permissions boundary pb-policy to update your environment stack"));
        Assert.That(TemplatePaths.Text(template, "Resources.ExecutionRole.Metadata.aws:copilot:description"), Is.EqualTo("An IAM Role with permissions boundary pb-policy for the Fargate agent to make AWS API calls on your behalf"));
        Assert.That(TemplatePaths.Text(template, "Resources.TaskRole.Metadata.aws:copilot:description"), Is.EqualTo("An IAM role with permissions boundary pb-policy to control permissions for the containers in your tasks"));
        Assert.That(TemplatePaths.Text(template, "Resources.StateMachineRole.Metadata.aws:copilot:description"), Is.EqualTo("An IAM role with permissions boundary pb-policy for a state machine to run ECS tasks in your cluster"));
        Assert.That(TemplatePaths.Find(template, "Resources.RuleRole.Metadata"), Is.Null);
    }

    [Test]
    public void Without_a_permissions_boundary_roles_have_none()
    {
        var template = Render(MinimalManifest());

        foreach (var role in new[] { "EnvControllerRole", "ExecutionRole", "TaskRole", "RuleRole", "StateMachineRole" })
        {
            Assert.That(TemplatePaths.Find(template, $"Resources.{role}.Properties.PermissionsBoundary"), Is.Null, role);
        }
    }
}
