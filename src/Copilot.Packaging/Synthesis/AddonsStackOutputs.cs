using Copilot.Packaging.Addons;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// The addons outputs the main template uses, each referenced as <c>Fn::GetAtt: [AddonsStack, Outputs.&lt;out&gt;]</c>;
/// every list is empty when the job has no addons.
/// </summary>
internal sealed class AddonsStackOutputs
{
    /// <summary>The logical ID of the addons nested stack.</summary>
    public const string StackLogicalId = "AddonsStack";

    public AddonsStackOutputs(AddonsTemplate? addons)
    {
        Variables = addons?.VariableOutputs ?? [];
        Secrets = addons?.SecretOutputs ?? [];
        Policies = addons?.PolicyOutputs ?? [];
        SecurityGroups = addons?.SecurityGroupOutputs ?? [];
        ExtraParameters = addons?.ExtraParameters;
    }

    /// <summary>Outputs that become an environment variable of every container, in template order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Outputs that become secrets of the main container, in template order.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>Outputs that become managed policies of the task role, in template order.</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>Outputs that become security groups of the task, in template order.</summary>
    public IReadOnlyList<string> SecurityGroups { get; }

    /// <summary>The <c>Parameters</c> map of <c>addons.parameters.yml</c>; null without one.</summary>
    public YamlMappingNode? ExtraParameters { get; }

    /// <summary><c>Fn::GetAtt: [AddonsStack, Outputs.&lt;output&gt;]</c>.</summary>
    public static YamlMappingNode Reference(string output) => Cfn.GetAttLong(StackLogicalId, "Outputs." + output);
}
