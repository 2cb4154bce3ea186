using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>Where a merged entry was first defined: the file and the entry's value node.</summary>
/// <param name="File">The file that defined it first.</param>
/// <param name="Value">The value node in that file.</param>
internal sealed record DefinitionOrigin(AddonsTemplateFile File, YamlNode Value)
{
    /// <summary>The 1-based line of the value.</summary>
    public int Line => (int)Value.Start.Line;

    /// <summary>The 1-based column of the value.</summary>
    public int Column => (int)Value.Start.Column;

    /// <summary>The value's location.</summary>
    public SourceLocation Location => BoundedYamlLoader.At(File.DisplayPath, Value.Start);

    /// <summary>Copilot's way of pointing at the definition: <c>"first.yaml" at Ln 4, Col 7</c>.</summary>
    public string Describe() => $"\"{File.FileName}\" at Ln {Line}, Col {Column}";
}
