using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Builds the <c>TaskRole</c>: what the job's containers may do (addons managed policies, no IAM, EFS mounts,
/// publishing to its topics).
/// </summary>
internal static class TaskRoleBuilder
{
    private const string FileSystemArn = "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system";

    public static YamlMappingNode Build(SynthesisContext context)
    {
        var boundary = context.PermissionsBoundary;
        var policies = new List<YamlNode>
        {
            TemplateParts.Policy(
                Cfn.Single("DenyIAM"),
                Cfn.Map(("Effect", Cfn.Single("Deny")), ("Action", Cfn.Single("iam:*")), ("Resource", Cfn.Single("*")))),
        };
        for (var i = 0; i < context.Storage.BringYourOwn.Count; i++)
        {
            policies.Add(BringYourOwnEfsPolicy(context.Storage.BringYourOwn[i], i));
        }

        if (context.Storage.Managed is not null)
        {
            policies.Add(ManagedEfsPolicy());
        }

        if (context.Topics.Count > 0)
        {
            policies.Add(TemplateParts.Policy(
                Cfn.Single("Publish2SNS"),
                Cfn.Map(
                    ("Effect", Cfn.Single("Allow")),
                    ("Action", Cfn.Single("sns:Publish")),
                    ("Resource", Cfn.ListOf(context.Topics.Select(t => (YamlNode)Cfn.Ref(t.TopicId)))))));
        }

        return TemplateParts.Resource(
            "AWS::IAM::Role",
            Cfn.Map(
                ("ManagedPolicyArns", context.Addons.Policies.Count == 0
                    ? null
                    : Cfn.ListOf(context.Addons.Policies.Select(p => (YamlNode)AddonsStackOutputs.Reference(p)))),
                ("PermissionsBoundary", TemplateParts.PermissionsBoundary(boundary)),
                ("AssumeRolePolicyDocument", TemplateParts.AssumeRolePolicy("ecs-tasks.amazonaws.com", quotedAction: true)),
                ("Policies", Cfn.ListOf(policies))),
            TemplateParts.Description(TemplateParts.RoleDescription(
                "An IAM role", "to control permissions for the containers in your tasks", boundary)));
    }

    private static YamlMappingNode BringYourOwnEfsPolicy(NamedVolume volume, int index)
    {
        var efs = volume.Config.Efs!;
        YamlNode name;
        YamlNode resource;
        if (efs.FileSystemIdFromCfn is { } export)
        {
            name = Cfn.Join(string.Empty, Cfn.Single("GrantEFSAccess"), Cfn.Tagged("!ImportValue", export), Cfn.Single($"-{index}"));
            resource = Cfn.Join("/", Cfn.Sub(FileSystemArn), Cfn.Tagged("!ImportValue", export));
        }
        else
        {
            name = Cfn.Single($"GrantEFSAccess{efs.FileSystemId}-{index}");
            resource = Cfn.Sub($"{FileSystemArn}/{efs.FileSystemId}");
        }

        var actions = Cfn.List(Cfn.Single("elasticfilesystem:ClientMount"));
        if (volume.Config.ReadOnly == false)
        {
            actions.Add(Cfn.Single("elasticfilesystem:ClientWrite"));
        }

        var condition = efs.Auth?.AccessPointId is { } accessPoint
            ? Cfn.Map(("StringEquals", Cfn.Map(("elasticfilesystem:AccessPointArn", Cfn.Sub(
                $"arn:${{AWS::Partition}}:elasticfilesystem:${{AWS::Region}}:${{AWS::AccountId}}:access-point/{accessPoint}")))))
            : null;
        return TemplateParts.Policy(
            name,
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", actions),
                ("Condition", condition),
                ("Resource", Cfn.List(resource))));
    }

    private static YamlMappingNode ManagedEfsPolicy() =>
        TemplateParts.Policy(
            Cfn.Single("GrantAccessCopilotManagedEFS"),
            Cfn.Map(
                ("Effect", Cfn.Single("Allow")),
                ("Action", Cfn.List(Cfn.Single("elasticfilesystem:ClientMount"), Cfn.Single("elasticfilesystem:ClientWrite"))),
                ("Condition", Cfn.Map(("StringEquals", Cfn.Map(
                    ("elasticfilesystem:AccessPointArn", Cfn.GetAtt("AccessPoint", "Arn")))))),
                ("Resource", Cfn.List(Cfn.SubWith(
                    "arn:${partition}:elasticfilesystem:${region}:${account}:file-system/${fsid}",
                    Cfn.Map(
                        ("partition", Cfn.Ref("AWS::Partition")),
                        ("region", Cfn.Ref("AWS::Region")),
                        ("account", Cfn.Ref("AWS::AccountId")),
                        ("fsid", Cfn.GetAtt("EnvControllerAction", "ManagedFileSystemID"))))))));
}
