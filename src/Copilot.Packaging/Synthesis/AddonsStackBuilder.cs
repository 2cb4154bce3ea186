using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Builds the <c>AddonsStack</c> nested stack, always rendered and created only when an addons template URL is given
/// (condition <c>HasAddons</c>).
/// </summary>
internal static class AddonsStackBuilder
{
    public static YamlMappingNode Build(SynthesisContext context) =>
        TemplateParts.Resource(
            "AWS::CloudFormation::Stack",
            Cfn.Map(
                ("Parameters", Parameters(context)),
                ("TemplateURL", Cfn.Ref("AddonsTemplateURL"))),
            TemplateParts.Description("An Addons CloudFormation Stack for your additional AWS resources"),
            dependsOn: context.EnvControllerParameters.Count > 0 ? "EnvControllerAction" : null,
            condition: "HasAddons");

    // App, Env and Name, then the entries of addons.parameters.yml as written (tags and styles kept; copied so later
    // overrides of the main template cannot reach the addons' own nodes).
    private static YamlMappingNode Parameters(SynthesisContext context)
    {
        var parameters = Cfn.Map(
            ("App", Cfn.Ref("AppName")),
            ("Env", Cfn.Ref("EnvName")),
            ("Name", Cfn.Ref("WorkloadName")));
        if (context.Addons.ExtraParameters is { } extra)
        {
            foreach (var (key, value) in extra.Children)
            {
                parameters.Add(YamlNodeCloner.Clone(key), YamlNodeCloner.Clone(value));
            }
        }

        return parameters;
    }
}
