using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// A job's addons (<c>copilot/&lt;job&gt;/addons/</c>) merged into one nested-stack template, with what the main
/// template needs from it.
/// </summary>
internal sealed class AddonsTemplate
{
    internal AddonsTemplate(
        YamlMappingNode template,
        YamlMappingNode? extraParameters,
        IReadOnlyList<(string Name, AddonsOutputKind Kind)> outputs,
        IReadOnlyList<Diagnostic> warnings)
    {
        Template = template;
        ExtraParameters = extraParameters;
        Warnings = warnings;
        SecretOutputs = [.. outputs.Where(o => o.Kind == AddonsOutputKind.Secret).Select(o => o.Name)];
        PolicyOutputs = [.. outputs.Where(o => o.Kind == AddonsOutputKind.ManagedPolicy).Select(o => o.Name)];
        SecurityGroupOutputs = [.. outputs.Where(o => o.Kind == AddonsOutputKind.SecurityGroup).Select(o => o.Name)];
        VariableOutputs = [.. outputs.Where(o => o.Kind is AddonsOutputKind.Variable or AddonsOutputKind.SecurityGroup).Select(o => o.Name)];
    }

    /// <summary>
    /// The merged template: only the sections <c>Metadata</c>, <c>Parameters</c>, <c>Mappings</c>, <c>Conditions</c>,
    /// <c>Transform</c>, <c>Resources</c> and <c>Outputs</c>, in that order (<c>Resources</c> always present). Nodes
    /// keep their tags and their positions in the source files.
    /// </summary>
    public YamlMappingNode Template { get; }

    /// <summary>The merged template as YAML text with a 2-space indent (<c>&lt;job&gt;.addons.stack.yml</c>).</summary>
    public string Text => YamlTextWriter.Write(Template);

    /// <summary>
    /// The <c>Parameters</c> map of <c>addons.parameters.yml</c>, verbatim (values may be <c>!Ref</c>/<c>!GetAtt</c> of
    /// main-template resources), to splice into <c>AddonsStack.Properties.Parameters</c>; null without that file.
    /// </summary>
    public YamlMappingNode? ExtraParameters { get; }

    /// <summary>Outputs referencing an <c>AWS::SecretsManager::Secret</c>: main-container secrets.</summary>
    public IReadOnlyList<string> SecretOutputs { get; }

    /// <summary>Outputs referencing an <c>AWS::IAM::ManagedPolicy</c>: task-role managed policies.</summary>
    public IReadOnlyList<string> PolicyOutputs { get; }

    /// <summary>Outputs referencing an <c>AWS::EC2::SecurityGroup</c>: task security groups (they are variables too).</summary>
    public IReadOnlyList<string> SecurityGroupOutputs { get; }

    /// <summary>
    /// Outputs injected as environment variables of every container (named by <see cref="AddonsNaming.EnvVarName"/>):
    /// every output that is neither a secret nor a policy, security groups included, in template order.
    /// </summary>
    public IReadOnlyList<string> VariableOutputs { get; }

    /// <summary>Problems that did not stop the merge (for example definitions differing only in <c>Description</c>).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The display path of the file each resource was defined in, by logical ID (for locating errors).</summary>
    internal IReadOnlyDictionary<string, string> ResourceFiles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
