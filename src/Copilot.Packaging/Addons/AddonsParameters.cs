using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// The addons parameters file (<c>addons.parameters.yml</c> or <c>.yaml</c>): extra values passed to the addons stack,
/// and copilot's rules tying them to the merged template's <c>Parameters</c>.
/// </summary>
internal static class AddonsParameters
{
    /// <summary>The parameters file names; they are never read as templates.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["addons.parameters.yml", "addons.parameters.yaml"];

    /// <summary>The parameters every addons template declares and copilot itself supplies.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["App", "Env", "Name"];

    /// <summary>
    /// Reads the parameters file among <paramref name="fileNames"/>, if there is one.
    /// </summary>
    /// <returns>The file's <c>Parameters</c> map, verbatim; null without a parameters file.</returns>
    /// <exception cref="CopilotJobException">Both files exist, or the file is malformed or declares reserved parameters.</exception>
    public static (YamlMappingNode Parameters, string DisplayPath)? Read(
        IFileSystem fileSystem, string directory, string displayDirectory, IReadOnlyList<string> fileNames)
    {
        var present = fileNames.Where(n => FileNames.Contains(n, StringComparer.Ordinal)).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        if (present.Count > 1)
        {
            throw new CopilotJobException(
                "defining addons.parameters.yaml and addons.parameters.yml is not allowed under addons/",
                new SourceLocation($"{displayDirectory}/addons.parameters.yml", 1, 1),
                "Keep only one of the two files.");
        }

        var name = present[0];
        var displayPath = $"{displayDirectory}/{name}";
        var text = BoundedYamlLoader.ReadText(fileSystem, fileSystem.Path.Combine(directory, name), displayPath);
        var root = BoundedYamlLoader.LoadFirstDocument(text, displayPath);
        if (root is not null and not YamlMappingNode)
        {
            throw new CopilotJobException($"unmarshal 'Parameters' in file {name}: the file must be a map with the key Parameters", BoundedYamlLoader.At(displayPath, root.Start));
        }

        var parametersNode = (root as YamlMappingNode)?.Children
            .FirstOrDefault(p => p.Key is YamlScalarNode { Value: "Parameters" }).Value;
        if (parametersNode is not null and not YamlMappingNode && !BoundedYamlLoader.IsNull(parametersNode))
        {
            throw new CopilotJobException(
                $"unmarshal 'Parameters' in file {name}: Parameters must be a map of parameter names to values",
                BoundedYamlLoader.At(displayPath, parametersNode.Start));
        }

        if (parametersNode is not YamlMappingNode parameters || parameters.Children.Count == 0)
        {
            throw new CopilotJobException(
                $"must define field 'Parameters' in file {name} under path {displayDirectory}",
                new SourceLocation(displayPath, 1, 1),
                "Add a Parameters map of addons template parameter names to values.");
        }

        foreach (var (key, _) in parameters.Children)
        {
            if (key is YamlScalarNode { Value: { } k } && Reserved.Contains(k, StringComparer.Ordinal))
            {
                throw new CopilotJobException(
                    "reserved parameters \"App\", \"Env\" and \"Name\" cannot be declared",
                    BoundedYamlLoader.At(displayPath, key.Start),
                    "Remove them: copilot-job passes App, Env and Name to the addons stack itself.");
            }
        }

        return (parameters, displayPath);
    }

    /// <summary>Checks the merged template's parameters against the parameters file (when there is one).</summary>
    /// <exception cref="CopilotJobException">A rule is broken.</exception>
    public static void Validate(
        YamlMappingNode mergedTemplate,
        AddonsTemplateMerger merger,
        AddonsTemplateFile firstFile,
        (YamlMappingNode Parameters, string DisplayPath)? file)
    {
        var templateParameters = mergedTemplate.Children
            .FirstOrDefault(p => p.Key is YamlScalarNode { Value: "Parameters" }).Value as YamlMappingNode ?? new YamlMappingNode();
        var declared = templateParameters.Children
            .Select(p => ((YamlScalarNode)p.Key).Value ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var reserved in Reserved)
        {
            if (!declared.Contains(reserved))
            {
                throw new CopilotJobException(
                    $"required parameter \"{reserved}\" is missing from the template",
                    new SourceLocation(firstFile.DisplayPath, 1, 1),
                    "Declare the parameters App, Env and Name (Type: String) in one of the addons templates.");
            }
        }

        var supplied = new HashSet<string>(StringComparer.Ordinal);
        if (file is { } f)
        {
            foreach (var (key, _) in f.Parameters.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!declared.Contains(name))
                {
                    throw new CopilotJobException(
                        $"template does not require the parameter \"{name}\" in parameters file",
                        BoundedYamlLoader.At(f.DisplayPath, key.Start),
                        $"Declare \"{name}\" under Parameters in an addons template, or remove it from the parameters file.");
                }

                supplied.Add(name);
            }
        }

        foreach (var (key, definition) in templateParameters.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (Reserved.Contains(name, StringComparer.Ordinal) || supplied.Contains(name) || HasDefault(definition))
            {
                continue;
            }

            var origin = merger.OriginOf(AddonsSection.Parameters, name);
            throw new CopilotJobException(
                $"parameter \"{name}\" in template must have a default value or is included in parameters file",
                origin?.Location,
                $"Give \"{name}\" a Default, or set it in addons.parameters.yml under Parameters.");
        }
    }

    private static bool HasDefault(YamlNode definition) =>
        definition is YamlMappingNode map && map.Children.Any(p => p.Key is YamlScalarNode { Value: "Default" });
}
