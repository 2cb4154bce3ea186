using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Manifest.Model;

/// <summary>One rule of <c>taskdef_overrides</c>: a path under the task definition's properties and a YAML value.</summary>
/// <param name="Path">The dotted path (for example <c>ContainerDefinitions[0].Ulimits[-].HardLimit</c>).</param>
/// <param name="Value">The value node, tags preserved; null when absent.</param>
internal sealed record TaskDefOverride(string? Path, YamlNode? Value);
