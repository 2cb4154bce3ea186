using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Binding;
using Copilot.Packaging.Manifest.Interpolation;
using Copilot.Packaging.Manifest.Nodes;
using Copilot.Packaging.Manifest.EnvironmentOverrides;
using Copilot.Packaging.Manifest.Reading;
using Copilot.Packaging.Yaml;

namespace Copilot.Packaging.Manifest;

/// <summary>
/// Turns Scheduled Job manifest text into the typed <see cref="Model.ScheduledJobManifest"/> for one environment:
/// read YAML within hostile-input bounds, interpolate <c>${VAR}</c>, check <c>name</c> and <c>type</c>, apply
/// <c>environments.&lt;env&gt;</c>, and bind every field with its location. All binding problems (in the base manifest and
/// in every override block) are reported together.
/// </summary>
internal static class ManifestLoader
{
    /// <summary>Loads <paramref name="source"/> for the application and environment in <paramref name="options"/>.</summary>
    /// <param name="source">The manifest text and its display path.</param>
    /// <param name="options">The application, environment, process environment, and strictness.</param>
    /// <returns>The typed manifest, the interpolated text for <c>Metadata.Manifest</c>, and warnings.</returns>
    /// <exception cref="CopilotJobException">
    /// The manifest cannot be read, a variable is undefined, <c>name</c> or <c>type</c> is wrong, or fields have the wrong
    /// shape (all such problems at once, in <see cref="CopilotJobException.Diagnostics"/>); with
    /// <see cref="ManifestLoadOptions.Strict"/>, also when there are warnings.
    /// </exception>
    public static LoadedManifest Load(ManifestSource source, ManifestLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var file = source.DisplayPath;
        var (interpolated, text, readWarnings) = ReadInterpolated(source, options);
        if (interpolated is not MappingNode document)
        {
            throw interpolated is null or ScalarNode { IsNull: true }
                ? new CopilotJobException("the manifest is empty; expected a map with at least name, type, image and on.schedule", new SourceLocation(file, 1, 1))
                : new CopilotJobException($"the manifest must be a map of fields, but it is {interpolated.Describe()}", Locate(file, interpolated));
        }

        CheckHeader(HeaderOf(document, file), file, options.ExpectedName);

        var diagnostics = new List<Diagnostic>(readWarnings);
        foreach (var block in EnvironmentOverrideMerger.OverrideBlocks(document))
        {
            var overrideContext = new BindContext(file, BindMode.Override);
            ManifestBinder.Bind(overrideContext, (MappingNode)block.Value, $"{EnvironmentOverrideMerger.EnvironmentsKey}.{block.Key.Value}");
            diagnostics.AddRange(overrideContext.Diagnostics);
        }

        var baseContext = new BindContext(file, BindMode.Document);
        ManifestBinder.Bind(baseContext, document, string.Empty);
        diagnostics.AddRange(baseContext.Diagnostics);
        var warnings = Settle(diagnostics, options.Strict);

        var merged = EnvironmentOverrideMerger.Apply(document, options.EnvName, file);
        var context = new BindContext(file, BindMode.Document);
        var manifest = ManifestBinder.Bind(context, merged, string.Empty);
        diagnostics.AddRange(context.Diagnostics);
        warnings = Settle(diagnostics, options.Strict);
        return new LoadedManifest(manifest, text, warnings);
    }

    /// <summary>Reads only <c>name</c> and <c>type</c> as written (no interpolation, no binding), for listing jobs.</summary>
    /// <param name="source">The manifest text and its display path.</param>
    /// <returns>The name and type, each null when absent.</returns>
    /// <exception cref="CopilotJobException">The text is empty, is not YAML, is not a map, or <c>name</c>/<c>type</c> is not a string.</exception>
    public static ManifestHeader ReadHeader(ManifestSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var file = source.DisplayPath;
        var root = ManifestYamlReader.Read(source.Text, file).Root;
        return root switch
        {
            null => throw new CopilotJobException("the manifest is empty; expected a map with at least name, type, image and on.schedule", new SourceLocation(file, 1, 1)),
            MappingNode document => HeaderOf(document, file),
            _ => throw new CopilotJobException($"the manifest must be a map of fields, but it is {root.Describe()}", Locate(file, root)),
        };
    }

    /// <summary>Reads and interpolates the manifest; returns the root (null when there is no document) and its re-written text.</summary>
    internal static (ManifestNode? Root, string Text, IReadOnlyList<Diagnostic> Warnings) ReadInterpolated(ManifestSource source, ManifestLoadOptions options)
    {
        var read = ManifestYamlReader.Read(source.Text, source.DisplayPath);
        if (read.Root is null)
        {
            return (null, string.Empty, read.Warnings);
        }

        var interpolated = new ManifestInterpolator(options.AppName, options.EnvName, options.Variables, source.DisplayPath).Apply(read.Root);
        return (interpolated, YamlTextWriter.Write(YamlNodeConversion.ToYaml(interpolated)), read.Warnings);
    }

    private static ManifestHeader HeaderOf(MappingNode document, string file)
    {
        var name = HeaderField(document, "name", file);
        var type = HeaderField(document, "type", file);
        return new ManifestHeader(name?.Value, type?.Value, name is null ? null : Locate(file, name), type is null ? null : Locate(file, type));
    }

    private static ScalarNode? HeaderField(MappingNode document, string key, string file) => document.Get(key) switch
    {
        null or ScalarNode { IsNull: true } => null,
        ScalarNode scalar => scalar,
        var other => throw new CopilotJobException($"\"{key}\" must be a string, but it is {other.Describe()}", Locate(file, other)),
    };

    private static void CheckHeader(ManifestHeader header, string file, string? expectedName)
    {
        if (expectedName is not null && header.Name != expectedName)
        {
            throw new CopilotJobException(
                $"name of the manifest \"{header.Name}\" and directory \"{expectedName}\" do not match",
                header.NameLocation ?? new SourceLocation(file, 1, 1),
                $"Set \"name: {expectedName}\" in the manifest, or rename the directory.");
        }

        if (!header.IsScheduledJob)
        {
            throw new CopilotJobException(
                $"invalid manifest type: {header.Type}",
                header.TypeLocation ?? new SourceLocation(file, 1, 1),
                $"This tool packages only \"{ManifestHeader.ScheduledJobType}\" manifests; set \"type: {ManifestHeader.ScheduledJobType}\".");
        }
    }

    // Drops repeated findings (the base and the merged manifest share nodes), orders them by position, applies Strict,
    // and throws when any error remains; returns the warnings.
    private static List<Diagnostic> Settle(List<Diagnostic> diagnostics, bool strict)
    {
        var seen = new HashSet<(DiagnosticSeverity, SourceLocation?)>();
        var settled = diagnostics
            .Where(d => seen.Add((d.Severity, d.Location)))
            .Select(d => strict && d.Severity == DiagnosticSeverity.Warning ? d with { Severity = DiagnosticSeverity.Error } : d)
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToList();
        diagnostics.Clear();
        diagnostics.AddRange(settled);
        var errors = settled.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new CopilotJobException(errors);
        }

        return settled;
    }

    private static SourceLocation Locate(string file, ManifestNode node) => new(file, node.Start.Line, node.Start.Column);
}
