using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.TemplatePatches;

/// <summary>
/// A job's workload overrides (<c>copilot/&lt;job&gt;/overrides/</c>): YAML patches from <c>cfn.patches.yml</c>,
/// applied to the final template tree.
/// </summary>
/// <remarks>
/// Copilot re-serializes a patched template with a 4-space indent; packaging keeps its usual 2-space writer, which
/// is the same YAML document. CDK overrides (<c>cdk.json</c>) are not supported: they need Node.js and npm at
/// packaging time; the same changes can be written as YAML patches.
/// </remarks>
internal sealed class WorkloadOverrides
{
    /// <summary>The patch file's name.</summary>
    public const string PatchFileName = "cfn.patches.yml";

    /// <summary>The suffix copilot gives the template's <c>Description</c> once patches are applied.</summary>
    public const string DescriptionSuffix = " using AWS Copilot with YAML patches.";

    private const string CdkFileName = "cdk.json";

    private readonly IReadOnlyList<YamlPatch> _patches;

    private WorkloadOverrides(string patchFile, IReadOnlyList<YamlPatch> patches)
    {
        PatchFile = patchFile;
        _patches = patches;
    }

    /// <summary>The patch file as shown in messages (<c>copilot/mailer/overrides/cfn.patches.yml</c>).</summary>
    public string PatchFile { get; }

    /// <summary>How many patches the file holds.</summary>
    public int PatchCount => _patches.Count;

    /// <summary>
    /// Looks up the overrides of a job: none when the directory is missing; YAML patches when it holds
    /// <c>cfn.patches.yml</c>; otherwise an error (empty directory, CDK application, or no recognised overrider).
    /// The patch file is parsed and checked here, so mistakes are reported before any template is built.
    /// </summary>
    /// <param name="fileSystem">The file system to read.</param>
    /// <param name="overridesDirectory">The overrides directory's path on <paramref name="fileSystem"/>.</param>
    /// <param name="displayDirectory">The directory as shown in messages, for example <c>copilot/mailer/overrides</c>.</param>
    /// <returns>The overrides, or null when the job has none.</returns>
    /// <exception cref="CopilotJobException">The directory or the patch file is not usable.</exception>
    public static WorkloadOverrides? Load(IFileSystem fileSystem, string overridesDirectory, string displayDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(overridesDirectory);
        ArgumentNullException.ThrowIfNull(displayDirectory);
        displayDirectory = displayDirectory.Replace('\\', '/').TrimEnd('/');

        if (!fileSystem.Directory.Exists(overridesDirectory))
        {
            return null;
        }

        var absolute = fileSystem.Path.GetFullPath(overridesDirectory);
        bool empty;
        try
        {
            empty = !fileSystem.Directory.EnumerateFileSystemEntries(overridesDirectory).Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CopilotJobException($"look up overrider at \"{absolute}\": {ex.Message}", innerException: ex);
        }

        if (empty)
        {
            throw new CopilotJobException(
                $"look up overrider at \"{absolute}\": directory at \"{absolute}\" is empty",
                recommendation: $"Add YAML patches in {displayDirectory}/{PatchFileName}, or delete the empty directory {displayDirectory}.");
        }

        var patchPath = fileSystem.Path.Combine(overridesDirectory, PatchFileName);
        if (InputFiles.Exists(fileSystem, patchPath))
        {
            var display = $"{displayDirectory}/{PatchFileName}";
            var text = BoundedYamlLoader.ReadText(fileSystem, patchPath, display);
            return new WorkloadOverrides(display, YamlPatchDocument.Parse(text, display));
        }

        if (fileSystem.File.Exists(fileSystem.Path.Combine(overridesDirectory, CdkFileName)))
        {
            throw new CopilotJobException(
                $"CDK overrides are not supported: {displayDirectory}/{CdkFileName} is a Cloud Development Kit application, which copilot-job does not run",
                new SourceLocation($"{displayDirectory}/{CdkFileName}", 1, 1),
                $"Write the changes as YAML patches in {displayDirectory}/{PatchFileName} (a list of add/remove/replace operations with JSON-pointer paths) and remove the CDK application.");
        }

        throw new CopilotJobException(
            $"look up overrider at \"{absolute}\": \"{CdkFileName}\" does not exist under \"{absolute}\"",
            recommendation: $"Put YAML patches in {displayDirectory}/{PatchFileName}, or delete {displayDirectory} if the job has no overrides.");
    }

    /// <summary>
    /// Applies the patches, in file order, to <paramref name="template"/> in place, then appends
    /// <see cref="DescriptionSuffix"/> to the template's top-level <c>Description</c> (its final <c>.</c> dropped first),
    /// as copilot does even when the patch list is empty. Values keep their tags (<c>!Ref</c>, <c>!Sub</c>, ...).
    /// </summary>
    /// <param name="template">The final template tree (after task-definition overrides).</param>
    /// <exception cref="CopilotJobException">A patch does not fit the template; located at the patch in the patch file.</exception>
    public void Apply(YamlMappingNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var patch in _patches)
        {
            YamlPatchApplier.Apply(template, patch);
        }

        var description = template.Children
            .FirstOrDefault(p => p.Key is YamlScalarNode { Value: "Description" }).Value as YamlScalarNode;
        if (description is not null)
        {
            var text = description.Value ?? string.Empty;
            description.Value = (text.EndsWith('.') ? text[..^1] : text) + DescriptionSuffix;
        }
    }
}
