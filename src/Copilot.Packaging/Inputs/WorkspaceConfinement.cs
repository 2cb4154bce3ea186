using System.IO.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Inputs;

/// <summary>
/// Keeps every local path a manifest or an addons template names (env files, addons assets, Dockerfiles, build
/// contexts) inside the workspace root — the directory holding <c>copilot/</c> — once every symbolic link on the way is
/// followed, so nothing outside the workspace is read, zipped, sent to docker or uploaded. Directories given with
/// <c>AllowedOutsideWorkspace</c> widen the confinement explicitly.
/// </summary>
internal sealed class WorkspaceConfinement
{
    /// <summary>The most symbolic links followed while resolving one path (Linux's own limit).</summary>
    public const int MaxLinkHops = 40;

    private readonly IFileSystem _fileSystem;
    private readonly List<string> _roots;

    /// <summary>Creates the confinement.</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="workspaceRoot">The workspace root.</param>
    /// <param name="extraRoots">Further directories allowed explicitly (absolute).</param>
    public WorkspaceConfinement(IFileSystem fileSystem, string workspaceRoot, IReadOnlyList<string>? extraRoots = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        _fileSystem = fileSystem;
        WorkspaceRoot = fileSystem.Path.GetFullPath(workspaceRoot);
        _roots = [RealPath(fileSystem, WorkspaceRoot, WorkspaceRoot, null), .. (extraRoots ?? []).Select(r => RealPath(fileSystem, fileSystem.Path.GetFullPath(r), r, null))];
    }

    /// <summary>The workspace root relative paths resolve against.</summary>
    public string WorkspaceRoot { get; }

    /// <summary>The real paths of the allowed directories.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>
    /// The absolute path of <paramref name="path"/> (relative to the workspace root), after checking that it resolves,
    /// links followed, inside an allowed directory.
    /// </summary>
    /// <param name="path">The path as written.</param>
    /// <param name="what">What the path is, for the message (<c>env_file</c>, <c>the Dockerfile</c>).</param>
    /// <param name="location">Where the path is written.</param>
    /// <exception cref="CopilotJobException">The path leaves every allowed directory, or its links loop.</exception>
    public string Resolve(string path, string what, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = _fileSystem.Path.GetFullPath(_fileSystem.Path.Combine(WorkspaceRoot, path.Replace('\\', '/')));
        var real = RealPath(_fileSystem, full, path, location);
        if (!_roots.Any(root => IsInside(real, root)))
        {
            var via = string.Equals(real, full, StringComparison.Ordinal) ? string.Empty : $" (through a symbolic link, to \"{real}\")";
            throw new CopilotJobException(
                $"{what} \"{path}\" is outside the workspace {WorkspaceRoot}{via}; only files inside the workspace are read, built or uploaded",
                location,
                "Move the file into the workspace, or allow its directory explicitly.",
                code: CopilotJobErrorCode.OutsideWorkspace);
        }

        return full;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it (both real, absolute).</summary>
    public static bool IsInside(string path, string directory)
    {
        var trimmed = directory.Length > 1 ? directory.TrimEnd('/', '\\') : directory;
        return string.Equals(path, trimmed, StringComparison.Ordinal)
            || (path.StartsWith(trimmed, StringComparison.Ordinal)
                && (trimmed.EndsWith('/') || trimmed.EndsWith('\\') || path[trimmed.Length] is '/' or '\\'));
    }

    /// <summary>
    /// <paramref name="fullPath"/> with every symbolic link among its existing components replaced by its target,
    /// like <c>realpath(3)</c>; components that do not exist are kept as written.
    /// </summary>
    /// <exception cref="CopilotJobException">The links loop (more than <see cref="MaxLinkHops"/>).</exception>
    public static string RealPath(IFileSystem fileSystem, string fullPath, string shownPath, SourceLocation? location)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var root = fileSystem.Path.GetPathRoot(fullPath) ?? "/";
        var pending = new Stack<string>(Segments(fullPath[root.Length..]).Reverse());
        var current = root;
        var hops = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = fileSystem.Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = fileSystem.Path.Combine(current, segment);
            string? link;
            try
            {
                link = fileSystem.FileInfo.New(candidate).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                link = null;
            }

            if (link is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new CopilotJobException(
                    $"\"{shownPath}\" cannot be resolved: its symbolic links loop (more than {MaxLinkHops} links followed)",
                    location,
                    "Fix the symbolic links so they end at a file.");
            }

            if (fileSystem.Path.IsPathRooted(link))
            {
                current = fileSystem.Path.GetPathRoot(link) ?? root;
                link = link[current.Length..];
            }

            foreach (var part in Segments(link).Reverse())
            {
                pending.Push(part);
            }
        }

        return current;
    }

    private static IEnumerable<string> Segments(string path) => path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
}
