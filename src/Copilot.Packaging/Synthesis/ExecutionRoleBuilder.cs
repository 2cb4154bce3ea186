using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Builds the <c>ExecutionRole</c>: what the Fargate agent may read on the task's behalf (tagged SSM parameters and
/// secrets, the artifact key, and each container's env file when one is given).
/// </summary>
internal static class ExecutionRoleBuilder
{
    public static YamlMappingNode Build(SynthesisContext context)
    {
        var boundary = context.PermissionsBoundary;
        var policies = new List<YamlNode>
        {
            SecretsPolicy(),
            EnvFilePolicy("HasEnvFile", "GetEnvFilePolicy", "EnvFileARN"),
        };
        if (context.FireLensEnabled)
        {
            policies.Add(EnvFilePolicy("HasLoggingEnvFile", "GetLoggingEnvFilePolicy", "LoggingEnvFileARN"));
        }

        foreach (var sidecar in context.Sidecars)
        {
            policies.Add(EnvFilePolicy(sidecar.EnvFileCondition, "GetEnvFilePolicyFor" + sidecar.SafeName, sidecar.EnvFileParameter));
        }

        return TemplateParts.Resource(
            "AWS::IAM::Role",
            Cfn.Map(
                ("PermissionsBoundary", TemplateParts.PermissionsBoundary(boundary)),
                ("AssumeRolePolicyDocument", TemplateParts.AssumeRolePolicy("ecs-tasks.amazonaws.com", quotedAction: true)),
                ("Policies", Cfn.ListOf(policies)),
                ("ManagedPolicyArns", Cfn.List(Cfn.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")))),
            TemplateParts.Description(TemplateParts.RoleDescription(
                "An IAM Role", "for the Fargate agent to make AWS API calls on your behalf", boundary)));
    }

    private static YamlMappingNode SecretsPolicy() =>
        TemplateParts.Policy(
            TemplateParts.AppEnvWorkloadJoin(Cfn.Str("SecretsPolicy")),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("ssm:GetParameters"))),
                ("Resource", Cfn.List(Cfn.Sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/*"))),
                ("Condition", TemplateParts.TaggedWithAppAndEnv("ssm:ResourceTag"))),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("secretsmanager:GetSecretValue"))),
                ("Resource", Cfn.List(Cfn.Sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*"))),
                ("Condition", TemplateParts.TaggedWithAppAndEnv("secretsmanager:ResourceTag"))),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("kms:Decrypt"))),
                ("Resource", Cfn.List(Cfn.Ref("ArtifactKeyARN")))),
            Cfn.Map(
                ("Sid", Cfn.Str("DecryptTaggedKMSKey")),
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("kms:Decrypt"))),
                ("Resource", Cfn.List(Cfn.Sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*"))),
                ("Condition", TemplateParts.TaggedWithAppAndEnv("aws:ResourceTag"))));

    // !If [condition, {read the env file object and its bucket's location}, !Ref AWS::NoValue]
    private static YamlSequenceNode EnvFilePolicy(string condition, string policySuffix, string parameter)
    {
        var bucketArn = Cfn.Join(
            string.Empty,
            Cfn.Single("arn:"),
            Cfn.Ref("AWS::Partition"),
            Cfn.Single(":s3:::"),
            Cfn.TaggedFlow("!Select", Cfn.Int(0), Cfn.TaggedFlow("!Split", Cfn.Single("/"),
                Cfn.TaggedFlow("!Select", Cfn.Int(5), Cfn.TaggedFlow("!Split", Cfn.Single(":"), Cfn.Ref(parameter))))));
        var policy = TemplateParts.Policy(
            TemplateParts.AppEnvWorkloadJoin(Cfn.Str(policySuffix)),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("s3:GetObject"))),
                ("Resource", Cfn.List(Cfn.Ref(parameter)))),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("s3:GetBucketLocation"))),
                ("Resource", Cfn.List(bucketArn))));
        return Cfn.If(condition, policy, Cfn.NoValue());
    }
}
