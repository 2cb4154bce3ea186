namespace Copilot.Packaging.Stacks;

/// <summary>What is deployed in a stack: its template body as submitted, its parameter values and its tags.</summary>
/// <param name="TemplateBody">The template text (YAML or JSON).</param>
/// <param name="Parameters">Parameter values by name.</param>
/// <param name="Tags">Stack tags by key.</param>
internal sealed record DeployedStack(string TemplateBody, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, string> Tags);
