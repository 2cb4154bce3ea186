using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the <c>AddonsStack</c> nested stack, created only when an addons template URL is given.</summary>
internal static class AddonsStackBuilder
{
    public static YamlMappingNode Build(SynthesisContext context) =>
        TemplateParts.Resource(
            "AWS::CloudFormation::Stack",
            Cfn.Map(
                ("Parameters", Cfn.Map(
                    ("App", Cfn.Ref("AppName")),
                    ("Env", Cfn.Ref("EnvName")),
                    ("Name", Cfn.Ref("WorkloadName")))),
                ("TemplateURL", Cfn.Ref("AddonsTemplateURL"))),
            TemplateParts.Description("An Addons CloudFormation Stack for your additional AWS resources"),
            dependsOn: context.EnvControllerParameters.Count > 0 ? "EnvControllerAction" : null,
            condition: "HasAddons");
}
