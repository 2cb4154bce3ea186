using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the <c>LogGroup</c> resource.</summary>
internal static class LogGroupBuilder
{
    public static YamlMappingNode Build() =>
        TemplateParts.Resource(
            "AWS::Logs::LogGroup",
            Cfn.Map(
                ("LogGroupName", Cfn.Join(
                    string.Empty,
                    Cfn.Str("/copilot/"),
                    Cfn.Ref("AppName"),
                    Cfn.Single("-"),
                    Cfn.Ref("EnvName"),
                    Cfn.Single("-"),
                    Cfn.Ref("WorkloadName"))),
                ("RetentionInDays", Cfn.Ref("LogRetention"))),
            TemplateParts.Description("A CloudWatch log group to hold your service logs"));
}
