using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Workspace;

/// <summary>
/// A copilot workspace: the <c>copilot/</c> directory, the repository root above it (all manifest-relative paths
/// resolve against it) and the application named in <c>copilot/.workspace</c>.
/// </summary>
internal sealed class CopilotWorkspace
{
    /// <summary>The name of the directory copilot keeps its files in.</summary>
    public const string DirectoryName = "copilot";

    /// <summary>How many directories are searched: the start directory and four of its ancestors (copilot's rule).</summary>
    public const int SearchDepth = 5;

    private readonly IFileSystem _fileSystem;

    private CopilotWorkspace(IFileSystem fileSystem, string copilotDirectory, string? applicationName)
    {
        _fileSystem = fileSystem;
        CopilotDirectory = copilotDirectory;
        RootDirectory = fileSystem.Path.GetDirectoryName(copilotDirectory) ?? copilotDirectory;
        ApplicationName = applicationName;
    }

    /// <summary>The absolute path of <c>copilot/</c>.</summary>
    public string CopilotDirectory { get; }

    /// <summary>The absolute path of the workspace root (the parent of <c>copilot/</c>).</summary>
    public string RootDirectory { get; }

    /// <summary>The application in <c>copilot/.workspace</c>, or null when the file is missing or has none.</summary>
    public string? ApplicationName { get; }

    /// <summary>
    /// Finds the workspace from <paramref name="startDirectory"/>: that directory if it is named <c>copilot</c>,
    /// else a <c>copilot</c> directory in it or in up to four of its ancestors.
    /// </summary>
    /// <exception cref="CopilotJobException">No <c>copilot</c> directory was found.</exception>
    public static CopilotWorkspace Find(IFileSystem fileSystem, string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var start = fileSystem.Path.GetFullPath(startDirectory);
        var copilotDirectory = FindCopilotDirectory(fileSystem, start)
            ?? throw new CopilotJobException(
                $"couldn't find a directory called {DirectoryName} up to {SearchDepth} levels up from {start}",
                recommendation: "Run this command inside a copilot workspace (a repository with a copilot/ directory), or create one with `copilot app init`.");
        return new CopilotWorkspace(fileSystem, copilotDirectory, ReadApplicationName(fileSystem, copilotDirectory));
    }

    /// <summary>
    /// The error when no application was named and <c>copilot/.workspace</c> names none
    /// (<see cref="CopilotJobErrorCode.ApplicationRequired"/>: a host words how to name one).
    /// </summary>
    public static CopilotJobException ApplicationRequired() => new(
        "could not find an application attached to this workspace",
        recommendation: "Name the application, or add `application: <name>` to copilot/.workspace.",
        code: CopilotJobErrorCode.ApplicationRequired);

    /// <summary>The path shown to users for a file in the workspace: relative to the root, with <c>/</c> separators.</summary>
    public string DisplayPath(string absolutePath) =>
        _fileSystem.Path.GetRelativePath(RootDirectory, absolutePath).Replace('\\', '/');

    /// <summary>The absolute path of <c>copilot/&lt;job&gt;/manifest.yml</c>.</summary>
    public string ManifestPath(string workloadName) => _fileSystem.Path.Combine(CopilotDirectory, workloadName, "manifest.yml");

    /// <summary>The workload directories that contain a <c>manifest.yml</c>, sorted by name.</summary>
    /// <exception cref="CopilotJobException">The <c>copilot/</c> directory cannot be listed (permissions, IO).</exception>
    public IReadOnlyList<string> ListWorkloadDirectories()
    {
        try
        {
            return [.. _fileSystem.Directory.EnumerateDirectories(CopilotDirectory)
                .Where(d => InputFiles.Exists(_fileSystem, _fileSystem.Path.Combine(d, "manifest.yml")))
                .Select(d => _fileSystem.Path.GetFileName(d))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new CopilotJobException(
                $"list the workloads in {DirectoryName}/: {reason}",
                recommendation: "Make the copilot/ directory and its workload directories readable.",
                innerException: ex);
        }
    }

    private static string? FindCopilotDirectory(IFileSystem fileSystem, string start)
    {
        if (fileSystem.Path.GetFileName(start) == DirectoryName && fileSystem.Directory.Exists(start))
        {
            return start;
        }

        var current = start;
        for (var level = 0; level < SearchDepth && current is not null; level++)
        {
            var candidate = fileSystem.Path.Combine(current, DirectoryName);
            if (fileSystem.Directory.Exists(candidate))
            {
                return candidate;
            }

            current = fileSystem.Path.GetDirectoryName(current);
        }

        return null;
    }

    private static string? ReadApplicationName(IFileSystem fileSystem, string copilotDirectory)
    {
        var summary = fileSystem.Path.Combine(copilotDirectory, ".workspace");
        if (!InputFiles.Exists(fileSystem, summary))
        {
            return null;
        }

        // The same bounded reader as every other input file (size, depth, alias expansion).
        const string displayPath = "copilot/.workspace";
        return BoundedYamlLoader.LoadFirstDocument(BoundedYamlLoader.ReadText(fileSystem, summary, displayPath), displayPath) is YamlMappingNode map
            && map.Children.TryGetValue(new YamlScalarNode("application"), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } name }
            ? name
            : null;
    }
}
