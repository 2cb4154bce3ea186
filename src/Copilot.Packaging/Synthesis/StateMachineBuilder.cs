using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the <c>StateMachine</c> that runs the task (with its network substitutions) and its <c>StateMachineRole</c>.</summary>
internal static class StateMachineBuilder
{
    public static YamlMappingNode StateMachine(SynthesisContext context)
    {
        var definition = StateMachineDefinition.Render(context.Manifest, context.Platform.IsWindows);
        return TemplateParts.Resource(
            "AWS::StepFunctions::StateMachine",
            Cfn.Map(
                ("StateMachineName", Cfn.Sub("${AppName}-${EnvName}-${WorkloadName}")),
                ("RoleArn", Cfn.GetAtt("StateMachineRole", "Arn")),
                ("LoggingConfiguration", Cfn.Map(
                    ("Destinations", Cfn.List(Cfn.Map(
                        ("CloudWatchLogsLogGroup", Cfn.Map(("LogGroupArn", Cfn.GetAtt("LogGroup", "Arn"))))))),
                    ("IncludeExecutionData", Cfn.Plain("True")),
                    ("Level", Cfn.Str("ALL")))),
                ("DefinitionSubstitutions", Substitutions(context)),
                ("DefinitionString", Cfn.Double(definition))),
            TemplateParts.Description("A state machine to invoke your job and handle retry and timeout logic"));
    }

    public static YamlMappingNode Role(SynthesisContext context)
    {
        var boundary = context.PermissionsBoundary;
        var statements = Cfn.List(
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.Str("iam:PassRole")),
                ("Resource", Cfn.List(Cfn.GetAtt("ExecutionRole", "Arn"), Cfn.GetAtt("TaskRole", "Arn")))),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.Str("ecs:RunTask")),
                ("Resource", Cfn.Ref("TaskDefinition")),
                ("Condition", InCluster())),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.List(Cfn.Str("ecs:StopTask"), Cfn.Str("ecs:DescribeTasks"))),
                ("Resource", Cfn.Double("*")),
                ("Condition", InCluster())),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.List(
                    Cfn.Str("logs:CreateLogDelivery"),
                    Cfn.Str("logs:GetLogDelivery"),
                    Cfn.Str("logs:UpdateLogDelivery"),
                    Cfn.Str("logs:DeleteLogDelivery"),
                    Cfn.Str("logs:ListLogDeliveries"),
                    Cfn.Str("logs:PutResourcePolicy"),
                    Cfn.Str("logs:DescribeResourcePolicies"),
                    Cfn.Str("logs:DescribeLogGroups"))),
                ("Resource", Cfn.Double("*"))),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.List(Cfn.Str("events:PutTargets"), Cfn.Str("events:PutRule"), Cfn.Str("events:DescribeRule"))),
                ("Resource", Cfn.SubPlain("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForECSTaskRule"))));
        return TemplateParts.Resource(
            "AWS::IAM::Role",
            Cfn.Map(
                ("PermissionsBoundary", TemplateParts.PermissionsBoundary(boundary)),
                ("AssumeRolePolicyDocument", TemplateParts.AssumeRolePolicy("states.amazonaws.com")),
                ("Policies", Cfn.List(Cfn.Map(
                    ("PolicyName", Cfn.Str("StateMachine")),
                    ("PolicyDocument", Cfn.Map(("Version", TemplateParts.PolicyVersion()), ("Statement", statements))))))),
            TemplateParts.Description(TemplateParts.RoleDescription(
                "An IAM role", "for a state machine to run ECS tasks in your cluster", boundary)));
    }

    private static YamlMappingNode Substitutions(SynthesisContext context)
    {
        var placement = context.Placement;
        YamlNode subnets = placement.Kind == PlacementKind.Subnets
            ? Cfn.Map(("Fn::Join", Cfn.List(
                Cfn.Single("\",\""),
                Cfn.ListOf(placement.SubnetIds.Select(id => (YamlNode)Cfn.Str(id))))))
            : Cfn.Map(("Fn::Join", Cfn.List(
                Cfn.Single("\",\""),
                Cfn.Map(("Fn::Split", Cfn.List(
                    Cfn.Single(","),
                    TemplateParts.ImportEnvOutput(placement.Kind == PlacementKind.Private ? "PrivateSubnets" : "PublicSubnets")))))));
        var securityGroups = new List<YamlNode>
        {
            TemplateParts.ImportEnvOutput("EnvironmentSecurityGroup"),
        };
        foreach (var group in context.Manifest.Network?.SecurityGroups ?? [])
        {
            securityGroups.Add(group.FromCfn is { } export ? Cfn.ImportValue(Cfn.Str(export)) : Cfn.Str(group.Id ?? string.Empty));
        }

        securityGroups.AddRange(context.Addons.SecurityGroups.Select(AddonsStackOutputs.Reference));

        return Cfn.Map(
            ("ContainerName", Cfn.Ref("WorkloadName")),
            ("Cluster", TemplateParts.ImportEnvOutput("ClusterId")),
            ("TaskDefinition", Cfn.Ref("TaskDefinition")),
            ("Partition", Cfn.Ref("AWS::Partition")),
            ("Subnets", subnets),
            ("AssignPublicIp", Cfn.Str(placement.AssignPublicIp ? "ENABLED" : "DISABLED")),
            ("SecurityGroups", Cfn.Map(("Fn::Join", Cfn.List(Cfn.Single("\",\""), Cfn.ListOf(securityGroups))))));
    }

    private static YamlMappingNode InCluster() =>
        Cfn.Map(("ArnEquals", Cfn.Map(("ecs:cluster", Cfn.Map(("Fn::Sub", Cfn.List(
            Cfn.Str("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/${ClusterID}"),
            Cfn.Map(("ClusterID", TemplateParts.ImportEnvOutput("ClusterId"))))))))));
}
