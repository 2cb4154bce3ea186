using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>Reads and merges a job's addons directory (<c>copilot/&lt;job&gt;/addons/</c>) the way copilot does.</summary>
internal static class AddonsReader
{
    /// <summary>
    /// Reads the addons directory: every <c>.yml</c>/<c>.yaml</c> file except <c>addons.parameters.yml|yaml</c> is a
    /// template; the templates are merged in file-name order (<see cref="AddonsTemplate.Template"/>); the optional
    /// parameters file supplies <see cref="AddonsTemplate.ExtraParameters"/>; outputs are classified by what they reference.
    /// </summary>
    /// <remarks>
    /// Merging follows copilot: an entry (metadata key, parameter, mapping entry two levels deep, condition, resource,
    /// output) defined in several files must be defined the same way in each; quoting style, comments and key order
    /// are ignored. Improvement on copilot (aws/copilot-cli#4804, #4882): parameters and outputs that differ only in
    /// their <c>Description</c> do not conflict; the first file's definition is kept and a warning is returned in
    /// <see cref="AddonsTemplate.Warnings"/>. Comments in the files are not carried into the merged text.
    /// </remarks>
    /// <param name="fileSystem">The file system to read.</param>
    /// <param name="addonsDirectory">The addons directory's path on <paramref name="fileSystem"/>.</param>
    /// <param name="displayDirectory">The directory as shown in messages, for example <c>copilot/mailer/addons</c>.</param>
    /// <returns>The merged addons, or null when the directory is missing or holds no template file.</returns>
    /// <exception cref="CopilotJobException">A file is unreadable, not valid YAML, conflicts with another, or breaks a parameter rule.</exception>
    public static AddonsTemplate? Read(IFileSystem fileSystem, string addonsDirectory, string displayDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(addonsDirectory);
        ArgumentNullException.ThrowIfNull(displayDirectory);
        displayDirectory = displayDirectory.Replace('\\', '/').TrimEnd('/');

        if (!fileSystem.Directory.Exists(addonsDirectory))
        {
            return null;
        }

        var fileNames = ListFiles(fileSystem, addonsDirectory, displayDirectory);
        var templateNames = fileNames
            .Where(n => (n.EndsWith(".yml", StringComparison.Ordinal) || n.EndsWith(".yaml", StringComparison.Ordinal))
                && !AddonsParameters.FileNames.Contains(n, StringComparer.Ordinal))
            .ToList();
        if (templateNames.Count == 0)
        {
            return null;
        }

        var merger = new AddonsTemplateMerger();
        AddonsTemplateFile? first = null;
        foreach (var name in templateNames)
        {
            var file = ReadTemplateFile(fileSystem, addonsDirectory, displayDirectory, name);
            first ??= file;
            merger.Add(file);
        }

        var template = merger.Build();
        var parameters = AddonsParameters.Read(fileSystem, addonsDirectory, displayDirectory, fileNames);
        AddonsParameters.Validate(template, merger, first!, parameters);
        return new AddonsTemplate(template, parameters?.Parameters, AddonsOutputClassifier.Classify(template), merger.Warnings)
        {
            ResourceFiles = merger.FilesOf(AddonsSection.Resources),
        };
    }

    private static List<string> ListFiles(IFileSystem fileSystem, string directory, string displayDirectory)
    {
        try
        {
            return [.. fileSystem.Directory.GetFiles(directory)
                .Select(p => fileSystem.Path.GetFileName(p))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CopilotJobException($"list addons files under \"{displayDirectory}\": {ex.Message}", innerException: ex);
        }
    }

    private static AddonsTemplateFile ReadTemplateFile(IFileSystem fileSystem, string directory, string displayDirectory, string name)
    {
        var displayPath = $"{displayDirectory}/{name}";
        var text = BoundedYamlLoader.ReadText(fileSystem, fileSystem.Path.Combine(directory, name), displayPath);
        var root = BoundedYamlLoader.LoadFirstDocument(text, displayPath);
        return root switch
        {
            null => new AddonsTemplateFile(name, displayPath, null),
            YamlMappingNode map => new AddonsTemplateFile(name, displayPath, map),
            _ => throw new CopilotJobException(
                $"unmarshal addon {name} under path {displayDirectory}: the file must be a CloudFormation template (a YAML map)",
                BoundedYamlLoader.At(displayPath, root.Start)),
        };
    }
}
