using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>How a job's addons show in the main template (spec 4.5 items 7, 10, 13, 4.6 and 4.12; vector T-TPL-02).</summary>
public class AddonsRenderingTests
{
    private const string Containers = "Resources.TaskDefinition.Properties.ContainerDefinitions";
    private const string SecurityGroups = "Resources.StateMachine.Properties.DefinitionSubstitutions.SecurityGroups.Fn::Join[1]";

    private static readonly string[] CommonNames =
        ["COPILOT_APPLICATION_NAME", "COPILOT_SERVICE_DISCOVERY_ENDPOINT", "COPILOT_ENVIRONMENT_NAME", "COPILOT_SERVICE_NAME"];

    private static YamlMappingNode Render(JobStackInput input) => Synthesizer().Synthesize(input).Template;

    private static YamlMappingNode RenderWithAddons(ScheduledJobManifest manifest, Copilot.Packaging.Addons.AddonsTemplate addons) =>
        Render(Input(manifest) with { Addons = addons });

    [Test]
    public void Every_container_gets_the_addons_variables_after_the_copilot_names_and_before_the_topic_arns()
    {
        var template = Render(SynthesisScenarios.WithAddons());

        var expected = CommonNames.Concat(["ORDERS_TABLE_NAME", "ORDERS_SECURITY_GROUP_ID", "COPILOT_SNS_TOPIC_ARNS"]).ToList();
        Assert.That(ContainerNames(template), Is.EqualTo(new[] { "WorkloadName", "firelens_log_router", "proxy" }));
        Assert.That(EnvironmentNames(template, 0), Is.EqualTo(expected.Append("LOG_LEVEL")), "main container");
        Assert.That(EnvironmentNames(template, 1), Is.EqualTo(expected), "FireLens");
        Assert.That(EnvironmentNames(template, 2), Is.EqualTo(expected), "sidecar");
    }

    [Test]
    public void An_addons_variable_is_the_nested_stack_output_in_long_get_att_form()
    {
        var template = Render(SynthesisScenarios.WithAddons());

        for (var container = 0; container < 3; container++)
        {
            var environment = TemplatePaths.Environment(template, container);
            Assert.That(GetAtt(environment["ORDERS_TABLE_NAME"]), Is.EqualTo(("AddonsStack", "Outputs.ordersTableName")));
            Assert.That(GetAtt(environment["ORDERS_SECURITY_GROUP_ID"]), Is.EqualTo(("AddonsStack", "Outputs.ordersSecurityGroupId")));
        }

        Assert.That(YamlTextWriter.Write(template), Does.Contain(
            "- Name: ORDERS_TABLE_NAME\n              Value:\n                Fn::GetAtt: [AddonsStack, Outputs.ordersTableName]\n"));
    }

    [Test]
    public void Variable_names_are_snake_case_of_the_output_names_in_template_order()
    {
        var addons = SynthesisAddons.Read(("a.yml", Reserved + """
            Outputs:
              usersDdbTableName:
                Value: users
              MyDDBTableWithLSI:
                Value: lsi
              Api2Url:
                Value: https://example.com
            """));

        var template = RenderWithAddons(MinimalManifest(), addons);

        Assert.That(EnvironmentNames(template, 0), Is.EqualTo(CommonNames.Concat(["USERS_DDB_TABLE_NAME", "MY_DDB_TABLE_WITH_LSI", "API2_URL"])));
    }

    [Test]
    public void Main_container_secrets_are_the_manifest_secrets_sorted_then_the_addons_secrets()
    {
        var template = Render(SynthesisScenarios.WithAddons() with
        {
            Manifest = SynthesisScenarios.WithAddons().Manifest with
            {
                Secrets = new Dictionary<string, SecretValue>
                {
                    ["ZETA"] = SecretValue.Plain("/copilot/zeta"),
                    ["ALPHA"] = SecretValue.Import("AlphaSecret"),
                },
            },
        });

        var secrets = (YamlSequenceNode)TemplatePaths.Node(template, Containers + "[0].Secrets");
        Assert.That(secrets.Children.Select(s => TemplatePaths.Text(s, "Name")), Is.EqualTo(new[] { "ALPHA", "ZETA", "ORDERS_API_KEY_ARN" }));
        Assert.That(GetAtt(TemplatePaths.Node(secrets[2], "ValueFrom")), Is.EqualTo(("AddonsStack", "Outputs.ordersApiKeyArn")));
        Assert.That(TemplatePaths.Keys(template, Containers + "[0]").Take(4), Is.EqualTo(new[] { "Name", "Image", "Secrets", "Environment" }));
    }

    [Test]
    public void Addons_secrets_alone_create_the_main_containers_secrets_and_stay_out_of_other_containers()
    {
        var input = SynthesisScenarios.WithAddons();
        var template = Render(input with { Manifest = input.Manifest with { Secrets = new Dictionary<string, SecretValue>() } });

        var secrets = (YamlSequenceNode)TemplatePaths.Node(template, Containers + "[0].Secrets");
        Assert.That(secrets.Children.Select(s => TemplatePaths.Text(s, "Name")), Is.EqualTo(new[] { "ORDERS_API_KEY_ARN" }));
        Assert.That(TemplatePaths.Find(template, Containers + "[1].Secrets"), Is.Null, "FireLens");
        Assert.That(TemplatePaths.Find(template, Containers + "[2].Secrets"), Is.Null, "sidecar");
    }

    [Test]
    public void Without_secret_outputs_or_manifest_secrets_the_main_container_has_no_secrets()
    {
        var addons = SynthesisAddons.Read(("a.yml", Reserved + "Outputs:\n  Hello:\n    Value: hello\n"));

        var template = RenderWithAddons(MinimalManifest(), addons);

        Assert.That(TemplatePaths.Find(template, Containers + "[0].Secrets"), Is.Null);
    }

    [Test]
    public void Task_role_lists_the_addons_managed_policies_first()
    {
        var addons = SynthesisAddons.Read(("a.yml", Reserved + """
            Resources:
              ReadPolicy:
                Type: AWS::IAM::ManagedPolicy
              WritePolicy:
                Type: AWS::IAM::ManagedPolicy
            Outputs:
              WritePolicyArn:
                Value: !Ref WritePolicy
              ReadPolicyArn:
                Value: {Ref: ReadPolicy}
            """));

        var template = RenderWithAddons(MinimalManifest(), addons);

        var properties = "Resources.TaskRole.Properties";
        Assert.That(TemplatePaths.Keys(template, properties), Is.EqualTo(new[] { "ManagedPolicyArns", "AssumeRolePolicyDocument", "Policies" }));
        var arns = (YamlSequenceNode)TemplatePaths.Node(template, properties + ".ManagedPolicyArns");
        Assert.That(arns.Children.Select(GetAtt), Is.EqualTo(new[] { ("AddonsStack", "Outputs.WritePolicyArn"), ("AddonsStack", "Outputs.ReadPolicyArn") }));
        Assert.That(EnvironmentNames(template, 0), Is.EqualTo(CommonNames), "policy outputs are not variables");
    }

    [Test]
    public void Managed_policies_come_before_the_permissions_boundary()
    {
        var template = Render(Input(MinimalManifest(), permissionsBoundary: "my-boundary") with { Addons = SynthesisAddons.Orders() });

        Assert.That(TemplatePaths.Keys(template, "Resources.TaskRole.Properties").Take(2), Is.EqualTo(new[] { "ManagedPolicyArns", "PermissionsBoundary" }));
    }

    [Test]
    public void Without_policy_outputs_the_task_role_has_no_managed_policies()
    {
        var addons = SynthesisAddons.Read(("a.yml", Reserved + "Outputs:\n  Hello:\n    Value: hello\n"));

        var template = RenderWithAddons(MinimalManifest(), addons);

        Assert.That(TemplatePaths.Find(template, "Resources.TaskRole.Properties.ManagedPolicyArns"), Is.Null);
    }

    [Test]
    public void State_machine_security_groups_are_the_environments_the_manifests_then_the_addons()
    {
        var template = Render(SynthesisScenarios.WithAddons() with
        {
            Manifest = SynthesisScenarios.WithAddons().Manifest with
            {
                Network = new NetworkConfig
                {
                    Placement = "public",
                    PlacementSpecified = true,
                    SecurityGroups = [new SecurityGroupRef("sg-1"), new SecurityGroupRef(null, "SharedSecurityGroup")],
                },
            },
        });

        var groups = (YamlSequenceNode)TemplatePaths.Node(template, SecurityGroups);
        Assert.That(groups.Children, Has.Count.EqualTo(4));
        Assert.That(TemplatePaths.Text(groups[0], "Fn::ImportValue"), Is.EqualTo("${AppName}-${EnvName}-EnvironmentSecurityGroup"));
        Assert.That(((YamlScalarNode)groups[1]).Value, Is.EqualTo("sg-1"));
        Assert.That(TemplatePaths.Text(groups[2], "Fn::ImportValue"), Is.EqualTo("SharedSecurityGroup"));
        Assert.That(GetAtt(groups[3]), Is.EqualTo(("AddonsStack", "Outputs.ordersSecurityGroupId")));
    }

    [Test]
    public void Addons_stack_passes_app_env_name_then_the_parameters_file_entries_with_their_tags()
    {
        var template = Render(SynthesisScenarios.WithAddons());

        const string parameters = "Resources.AddonsStack.Properties.Parameters";
        Assert.That(TemplatePaths.Keys(template, parameters), Is.EqualTo(new[] { "App", "Env", "Name", "LogGroupName" }));
        Assert.That((TemplatePaths.Tag(template, parameters + ".LogGroupName"), TemplatePaths.Text(template, parameters + ".LogGroupName")), Is.EqualTo(("!Ref", "LogGroup")));
        Assert.That(TemplatePaths.Keys(template, "Resources.AddonsStack.Properties"), Is.EqualTo(new[] { "Parameters", "TemplateURL" }));
    }

    [Test]
    public void Parameters_file_values_of_any_shape_are_copied_verbatim()
    {
        var addons = SynthesisAddons.Read(
            ("a.yml", Reserved + "  Tags:\n    Type: CommaDelimitedList\n  Port:\n    Type: Number\n  Topic:\n    Type: String\n"),
            ("addons.parameters.yml", """
                Parameters:
                  Tags: !Join [',', [a, b]]
                  Port: 8080
                  Topic:
                    Fn::Sub: '${AWS::StackName}-events'
                """));

        var text = YamlTextWriter.Write(RenderWithAddons(MinimalManifest(), addons));

        Assert.That(text, Does.Contain(
            "      Parameters:\n        App: !Ref AppName\n        Env: !Ref EnvName\n        Name: !Ref WorkloadName\n" +
            "        Tags: !Join [',', [a, b]]\n        Port: 8080\n        Topic:\n          Fn::Sub: '${AWS::StackName}-events'\n      TemplateURL: !Ref AddonsTemplateURL\n"));
    }

    [Test]
    public void Changing_the_rendered_template_leaves_the_addons_parameters_untouched()
    {
        var addons = SynthesisAddons.Orders();
        var template = RenderWithAddons(MinimalManifest(), addons);

        ((YamlScalarNode)TemplatePaths.Node(template, "Resources.AddonsStack.Properties.Parameters.LogGroupName")).Value = "changed";

        Assert.That(((YamlScalarNode)addons.ExtraParameters!.Children[new YamlScalarNode("LogGroupName")]).Value, Is.EqualTo("LogGroup"));
    }

    [Test]
    public void T_TPL_02_addons_data_reaches_the_template()
    {
        var addons = SynthesisAddons.TplTwo();
        Assert.That(
            (addons.VariableOutputs, addons.SecretOutputs, addons.PolicyOutputs),
            Is.EqualTo((new[] { "Hello" }, new[] { "MySecretArn" }, new[] { "AdditionalResourcesPolicyArn" })));

        var template = RenderWithAddons(MinimalManifest(), addons);

        var environment = TemplatePaths.Environment(template, 0);
        Assert.That(EnvironmentNames(template, 0), Is.EqualTo(CommonNames.Append("HELLO")));
        Assert.That(GetAtt(environment["HELLO"]), Is.EqualTo(("AddonsStack", "Outputs.Hello")));
        var secrets = (YamlSequenceNode)TemplatePaths.Node(template, Containers + "[0].Secrets");
        Assert.That(TemplatePaths.Text(secrets.Children.Single(), "Name"), Is.EqualTo("MY_SECRET_ARN"));
        Assert.That(GetAtt(TemplatePaths.Node(secrets[0], "ValueFrom")), Is.EqualTo(("AddonsStack", "Outputs.MySecretArn")));
        var policies = (YamlSequenceNode)TemplatePaths.Node(template, "Resources.TaskRole.Properties.ManagedPolicyArns");
        Assert.That(GetAtt(policies.Children.Single()), Is.EqualTo(("AddonsStack", "Outputs.AdditionalResourcesPolicyArn")));
        Assert.That(((YamlSequenceNode)TemplatePaths.Node(template, SecurityGroups)).Children, Has.Count.EqualTo(1));
        Assert.That(YamlTextWriter.Write(template), Does.Contain(
            "        Name: !Ref WorkloadName\n        ServiceName: !GetAtt Service.Name\n        DiscoveryServiceArn: !GetAtt DiscoveryService.Arn\n      TemplateURL:"));
    }

    [Test]
    public void Without_addons_nothing_from_the_nested_stack_is_referenced_but_the_stack_is_still_rendered()
    {
        var template = Render(Input(MinimalManifest()));

        Assert.That(YamlTextWriter.Write(template), Does.Not.Contain("Outputs."));
        Assert.That(TemplatePaths.Keys(template, "Resources.AddonsStack.Properties.Parameters"), Is.EqualTo(new[] { "App", "Env", "Name" }));
        Assert.That(TemplatePaths.Text(template, "Resources.AddonsStack.Condition"), Is.EqualTo("HasAddons"));
    }

    private const string Reserved = """
        Parameters:
          App:
            Type: String
          Env:
            Type: String
          Name:
            Type: String

        """;

    private static IReadOnlyList<string> ContainerNames(YamlNode template) =>
        ((YamlSequenceNode)TemplatePaths.Node(template, Containers)).Children
            .Select(c => TemplatePaths.Text(c, "Name"))
            .ToList();

    private static IReadOnlyList<string> EnvironmentNames(YamlNode template, int container) =>
        ((YamlSequenceNode)TemplatePaths.Node(template, $"{Containers}[{container}].Environment")).Children
            .Select(e => TemplatePaths.Text(e, "Name"))
            .ToList();

    // (resource, attribute) of a node that must be exactly Fn::GetAtt: [resource, attribute].
    private static (string, string) GetAtt(YamlNode node)
    {
        var map = (YamlMappingNode)node;
        Assert.That(map.Children, Has.Count.EqualTo(1));
        var arguments = (YamlSequenceNode)map.Children[new YamlScalarNode("Fn::GetAtt")];
        Assert.That(arguments.Children, Has.Count.EqualTo(2));
        return (((YamlScalarNode)arguments[0]).Value!, ((YamlScalarNode)arguments[1]).Value!);
    }
}
