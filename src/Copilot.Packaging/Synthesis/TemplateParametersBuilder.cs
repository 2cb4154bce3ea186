using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Builds the template's <c>Parameters</c> and <c>Conditions</c> sections.</summary>
internal static class TemplateParametersBuilder
{
    /// <summary>The <c>Parameters</c> section, in copilot's order.</summary>
    public static YamlMappingNode Parameters(SynthesisContext context)
    {
        var parameters = Cfn.Map(
            ("AppName", Typed("String")),
            ("EnvName", Typed("String")),
            ("WorkloadName", Typed("String")),
            ("Schedule", Typed("String")),
            ("ContainerImage", Typed("String")),
            ("TaskCPU", Typed("String")),
            ("TaskMemory", Typed("String")),
            ("TaskCount", Typed("Number")),
            ("LogRetention", Typed("Number")),
            ("AddonsTemplateURL", Cfn.Map(
                ("Description", Cfn.Single("URL of the addons nested stack template within the S3 bucket.")),
                ("Type", Cfn.Str("String")),
                ("Default", Cfn.Double(string.Empty)))),
            ("EnvFileARN", Cfn.Map(
                ("Description", Cfn.Single("URL of the environment file.")),
                ("Type", Cfn.Str("String")),
                ("Default", Cfn.Double(string.Empty)))));
        if (context.FireLensEnabled)
        {
            parameters.Add("LoggingEnvFileARN", OptionalString("URL of the environment file for the logging sidecar."));
        }

        foreach (var sidecar in context.Sidecars)
        {
            parameters.Add(sidecar.EnvFileParameter, OptionalString($"URL of the environment file for the {sidecar.Name} sidecar."));
        }

        parameters.Add("ArtifactKeyARN", Cfn.Map(
            ("Type", Cfn.Str("String")),
            ("Description", Cfn.Single("KMS Key used for encrypting artifacts"))));
        return parameters;
    }

    /// <summary>The <c>Conditions</c> section: whether addons and each env file are given.</summary>
    public static YamlMappingNode Conditions(SynthesisContext context)
    {
        var conditions = Cfn.Map(
            ("HasAddons", NotEmpty("AddonsTemplateURL")),
            ("HasEnvFile", NotEmpty("EnvFileARN")));
        if (context.FireLensEnabled)
        {
            conditions.Add("HasLoggingEnvFile", NotEmpty("LoggingEnvFileARN"));
        }

        foreach (var sidecar in context.Sidecars)
        {
            conditions.Add(sidecar.EnvFileCondition, NotEmpty(sidecar.EnvFileParameter));
        }

        return conditions;
    }

    private static YamlMappingNode Typed(string type) => Cfn.Map(("Type", Cfn.Str(type)));

    private static YamlMappingNode OptionalString(string description) =>
        Cfn.Map(
            ("Type", Cfn.Str("String")),
            ("Description", Cfn.Single(description)),
            ("Default", Cfn.Double(string.Empty)));

    private static YamlSequenceNode NotEmpty(string parameter) =>
        Cfn.TaggedFlow("!Not", Cfn.TaggedFlow("!Equals", Cfn.Ref(parameter), Cfn.Double(string.Empty)));
}
