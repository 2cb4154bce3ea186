using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>A rendered job stack: the template tree and the template configuration (parameters and tags).</summary>
/// <param name="StackName">The stack name, <c>&lt;app&gt;-&lt;env&gt;-&lt;job&gt;</c> truncated to 128 characters.</param>
/// <param name="Template">The CloudFormation template as a node tree.</param>
/// <param name="Configuration">The parameter values and stack tags.</param>
internal sealed record JobStack(string StackName, YamlMappingNode Template, TemplateConfiguration Configuration);

/// <summary>The template configuration copilot writes as <c>&lt;job&gt;-&lt;env&gt;.params.json</c>.</summary>
/// <param name="Parameters">Parameter values by name.</param>
/// <param name="Tags">Stack tags by key.</param>
internal sealed record TemplateConfiguration(IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, string> Tags);
