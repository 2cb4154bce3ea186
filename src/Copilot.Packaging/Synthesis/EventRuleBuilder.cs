using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the EventBridge <c>Rule</c> that starts the state machine on schedule, and its <c>RuleRole</c>.</summary>
internal static class EventRuleBuilder
{
    /// <summary>The schedule expression that means "never run on a schedule".</summary>
    public const string NoSchedule = "none";

    public static YamlMappingNode Rule(SynthesisContext context)
    {
        var disabled = string.Equals(context.ScheduleExpression, NoSchedule, StringComparison.Ordinal);
        return TemplateParts.Resource(
            "AWS::Events::Rule",
            Cfn.Map(
                ("ScheduleExpression", disabled ? Cfn.Double("rate(5 minutes)") : Cfn.Ref("Schedule")),
                ("State", Cfn.Str(disabled ? "DISABLED" : "ENABLED")),
                ("Targets", Cfn.List(Cfn.Map(
                    ("Arn", Cfn.Ref("StateMachine")),
                    ("Id", Cfn.Str("statemachine")),
                    ("RoleArn", Cfn.GetAtt("RuleRole", "Arn")))))),
            TemplateParts.DescriptionDoubleQuoted("A CloudWatch event rule to trigger the job's state machine"));
    }

    public static YamlMappingNode Role(SynthesisContext context) =>
        TemplateParts.Resource(
            "AWS::IAM::Role",
            Cfn.Map(
                ("PermissionsBoundary", TemplateParts.PermissionsBoundary(context.PermissionsBoundary)),
                ("AssumeRolePolicyDocument", TemplateParts.AssumeRolePolicy("events.amazonaws.com")),
                ("Policies", Cfn.List(TemplateParts.Policy(
                    Cfn.Str("EventRulePolicy"),
                    Cfn.Map(
                        ("Effect", Cfn.Str("Allow")),
                        ("Action", Cfn.Str("states:StartExecution")),
                        ("Resource", Cfn.Ref("StateMachine"))))))));
}
