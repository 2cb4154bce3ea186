using Copilot.Packaging.Errors;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.TemplatePatches;

/// <summary>One entry of <c>cfn.patches.yml</c>.</summary>
/// <param name="Index">The 0-based position in the patch list.</param>
/// <param name="Operation"><c>add</c>, <c>remove</c> or <c>replace</c>.</param>
/// <param name="Path">Where the patch applies.</param>
/// <param name="Value">The value to add or replace with, tags kept; null when the patch has no <c>value</c> key.</param>
/// <param name="Location">Where the patch's <c>path</c> is written.</param>
internal sealed record YamlPatch(int Index, string Operation, JsonPointer Path, YamlNode? Value, SourceLocation Location);
