using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>One parsed addons template file.</summary>
/// <param name="FileName">The file's name inside the addons directory, as copilot names it in messages (<c>first.yaml</c>).</param>
/// <param name="DisplayPath">The path shown in locations (<c>copilot/mailer/addons/first.yaml</c>).</param>
/// <param name="Root">The file's top-level map, or null for an empty file.</param>
internal sealed record AddonsTemplateFile(string FileName, string DisplayPath, YamlMappingNode? Root);
