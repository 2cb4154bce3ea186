using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Small template fragments several resource builders share (descriptions, IAM documents, resource shells).</summary>
internal static class TemplateParts
{
    /// <summary><c>Metadata: {'aws:copilot:description': 'text'}</c>.</summary>
    public static YamlMappingNode Description(string text) => Cfn.Map(("aws:copilot:description", Cfn.Single(text)));

    /// <summary>The same with the text double-quoted (for texts with an apostrophe).</summary>
    public static YamlMappingNode DescriptionDoubleQuoted(string text) => Cfn.Map(("aws:copilot:description", Cfn.Double(text)));

    /// <summary>The IAM policy language version, <c>'2012-10-17'</c>.</summary>
    public static YamlScalarNode PolicyVersion() => Cfn.Single("2012-10-17");

    /// <summary>
    /// A role description: <paramref name="subject"/> (<c>An IAM role</c>), then <c>with permissions boundary &lt;PB&gt;</c>
    /// when the application has one, then <paramref name="rest"/>.
    /// </summary>
    public static string RoleDescription(string subject, string rest, string permissionsBoundary) =>
        permissionsBoundary.Length == 0
            ? $"{subject} {rest}"
            : $"{subject} with permissions boundary {permissionsBoundary} {rest}";

    /// <summary>The <c>PermissionsBoundary</c> value for a role, or null when the application has none.</summary>
    public static YamlNode? PermissionsBoundary(string permissionsBoundary) =>
        permissionsBoundary.Length == 0
            ? null
            : Cfn.Sub($"arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:policy/{permissionsBoundary}");

    /// <summary>A trust policy that lets <paramref name="service"/> assume the role (<c>Service: x</c>, <c>Action: sts:AssumeRole</c>).</summary>
    public static YamlMappingNode AssumeRolePolicy(string service, bool quotedAction = false) =>
        Cfn.Map(
            ("Version", PolicyVersion()),
            ("Statement", Cfn.List(Cfn.Map(
                ("Effect", Cfn.Str("Allow")),
                ("Principal", Cfn.Map(("Service", Cfn.Str(service)))),
                ("Action", quotedAction ? Cfn.Single("sts:AssumeRole") : Cfn.Str("sts:AssumeRole"))))));

    /// <summary>An inline policy: <c>{PolicyName, PolicyDocument: {Version, Statement: [...]}}</c>.</summary>
    public static YamlMappingNode Policy(YamlNode name, params YamlNode[] statements) =>
        Cfn.Map(
            ("PolicyName", name),
            ("PolicyDocument", Cfn.Map(("Version", PolicyVersion()), ("Statement", Cfn.ListOf(statements)))));

    /// <summary>
    /// <c>StringEquals</c> on the <c>copilot-application</c>/<c>copilot-environment</c> resource tags under
    /// <paramref name="tagKeyPrefix"/> (for example <c>ssm:ResourceTag</c>).
    /// </summary>
    public static YamlMappingNode TaggedWithAppAndEnv(string tagKeyPrefix) =>
        Cfn.Map(("StringEquals", Cfn.Map(
            ($"{tagKeyPrefix}/copilot-application", Cfn.Sub("${AppName}")),
            ($"{tagKeyPrefix}/copilot-environment", Cfn.Sub("${EnvName}")))));

    /// <summary><c>!Join ['', [!Ref AppName, '-', !Ref EnvName, '-', !Ref WorkloadName, suffix...]]</c>.</summary>
    public static YamlSequenceNode AppEnvWorkloadJoin(params YamlNode[] suffix) =>
        Cfn.Join(
            string.Empty,
            [Cfn.Ref("AppName"), Cfn.Single("-"), Cfn.Ref("EnvName"), Cfn.Single("-"), Cfn.Ref("WorkloadName"), .. suffix]);

    /// <summary><c>Fn::ImportValue: !Sub '${AppName}-${EnvName}-&lt;suffix&gt;'</c>.</summary>
    public static YamlMappingNode ImportEnvOutput(string suffix) =>
        Cfn.ImportValue(Cfn.Sub($"${{AppName}}-${{EnvName}}-{suffix}"));

    /// <summary>A resource: <c>Metadata</c>, <c>Type</c>, <c>DependsOn</c>, <c>Condition</c>, <c>Properties</c> (null parts left out).</summary>
    public static YamlMappingNode Resource(
        string type,
        YamlMappingNode properties,
        YamlMappingNode? metadata = null,
        string? dependsOn = null,
        string? condition = null) =>
        Cfn.Map(
            ("Metadata", metadata),
            ("Type", Cfn.Str(type)),
            ("DependsOn", dependsOn is null ? null : Cfn.Str(dependsOn)),
            ("Condition", condition is null ? null : Cfn.Str(condition)),
            ("Properties", properties));
}
