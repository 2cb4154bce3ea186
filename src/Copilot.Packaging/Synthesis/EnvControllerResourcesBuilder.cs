using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Builds the env-controller trio: <c>EnvControllerAction</c> (the custom resource that turns on environment
/// features the job needs), <c>EnvControllerFunction</c> (its Lambda) and <c>EnvControllerRole</c>.
/// </summary>
internal static class EnvControllerResourcesBuilder
{
    /// <summary>
    /// The Lambda runtime. Copilot used <c>nodejs20.x</c>, which Lambda deprecated; this is a deliberate deviation
    /// (a function update, no replacement of other resources).
    /// </summary>
    public const string Runtime = "nodejs22.x";

    public static YamlMappingNode Action(SynthesisContext context) =>
        TemplateParts.Resource(
            "Custom::EnvControllerFunction",
            Cfn.Map(
                ("ServiceToken", Cfn.GetAtt("EnvControllerFunction", "Arn")),
                ("Workload", Cfn.Ref("WorkloadName")),
                ("EnvStack", Cfn.Sub("${AppName}-${EnvName}")),
                ("Parameters", Cfn.FlowList(context.EnvControllerParameters.Select(p => (YamlNode)Cfn.Str(p)).ToArray())),
                ("EnvVersion", Cfn.Str(context.Input.Environment.Version))),
            TemplateParts.DescriptionDoubleQuoted("Update your environment's shared resources"));

    public static YamlMappingNode Function(SynthesisContext context) =>
        TemplateParts.Resource(
            "AWS::Lambda::Function",
            Cfn.Map(
                ("Code", Cfn.Map(
                    ("S3Bucket", Cfn.Str(context.Input.EnvControllerCode.Bucket)),
                    ("S3Key", Cfn.Str(context.Input.EnvControllerCode.Key)))),
                ("Handler", Cfn.Double("index.handler")),
                ("Timeout", Cfn.Int(900)),
                ("MemorySize", Cfn.Int(512)),
                ("Role", Cfn.TaggedQuoted("!GetAtt", "EnvControllerRole.Arn")),
                ("Runtime", Cfn.Str(Runtime))));

    public static YamlMappingNode Role(SynthesisContext context)
    {
        var boundary = context.PermissionsBoundary;
        var trust = Cfn.Map(
            ("Version", TemplateParts.PolicyVersion()),
            ("Statement", Cfn.List(Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Principal", Cfn.Map(("Service", Cfn.List(Cfn.Str("lambda.amazonaws.com"))))),
                ("Action", Cfn.List(Cfn.Str("sts:AssumeRole")))))));
        var stackUpdate = TemplateParts.Policy(
            Cfn.Double("EnvControllerStackUpdate"),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.List(Cfn.Str("cloudformation:DescribeStacks"), Cfn.Str("cloudformation:UpdateStack"))),
                ("Resource", Cfn.Sub("arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AppName}-${EnvName}/*")),
                ("Condition", TemplateParts.TaggedWithAppAndEnv("cloudformation:ResourceTag"))));
        var rolePass = TemplateParts.Policy(
            Cfn.Double("EnvControllerRolePass"),
            Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Action", Cfn.List(Cfn.Str("iam:PassRole"))),
                ("Resource", Cfn.Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${AppName}-${EnvName}-CFNExecutionRole")),
                ("Condition", TemplateParts.TaggedWithAppAndEnv("iam:ResourceTag"))));
        return TemplateParts.Resource(
            "AWS::IAM::Role",
            Cfn.Map(
                ("PermissionsBoundary", TemplateParts.PermissionsBoundary(boundary)),
                ("AssumeRolePolicyDocument", trust),
                ("Path", Cfn.Str("/")),
                ("Policies", Cfn.List(stackUpdate, rolePass)),
                ("ManagedPolicyArns", Cfn.List(Cfn.SubPlain("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")))),
            TemplateParts.DescriptionDoubleQuoted(TemplateParts.RoleDescription("An IAM role", "to update your environment stack", boundary)));
    }
}
