using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The workload directories of a workspace, each manifest's name checked against its directory (the one place that
/// check is made). A named job reads only its own manifest: another workload's broken or hostile manifest cannot fail
/// (or stall) packaging this one. Listing reads every header and leaves out, with a warning, what cannot be read.
/// </summary>
internal static class WorkloadDirectories
{

    /// <summary>A reader that reads each manifest from the file system when asked (a batch shares one that reads each once).</summary>
    public static ManifestBytesReader Direct(IFileSystem fileSystem) => (path, displayPath) => InputFiles.ReadBytes(fileSystem, path, displayPath);

    /// <summary>The Scheduled Jobs to choose from, sorted by name.</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="workspace">The workspace.</param>
    /// <param name="reporter">Where a manifest that cannot be read is reported (it is left out).</param>
    /// <param name="read">Reads a manifest's bytes (path, display path): <see cref="Direct"/>, or a batch's shared reader.</param>
    public static IReadOnlyList<string> ListJobs(IFileSystem fileSystem, CopilotWorkspace workspace, IPackagingReporter? reporter, ManifestBytesReader read) =>
        List(fileSystem, workspace, reporter, read).Jobs;

    /// <summary>Fails unless <paramref name="job"/> is a valid name and a Scheduled Job of the workspace.</summary>
    public static void EnsureJob(IFileSystem fileSystem, CopilotWorkspace workspace, string job, ManifestBytesReader read)
    {
        CopilotNames.Ensure("job", job, source: null);
        if (!InputFiles.Exists(fileSystem, workspace.ManifestPath(job)))
        {
            var known = List(fileSystem, workspace, reporter: null, read).Jobs;
            var listed = known.Count == 0 ? "there are no jobs" : $"jobs: {string.Join(", ", known)}";
            throw new CopilotJobException($"job '{job}' does not exist in the workspace ({listed})");
        }

        var header = ReadHeader(workspace, job, read);
        if (!header.IsScheduledJob)
        {
            throw new CopilotJobException(
                $"workload '{job}' is a {header.Type ?? "workload without a type"}, not a {ManifestHeader.ScheduledJobType}: this tool packages Scheduled Jobs only",
                header.TypeLocation ?? header.NameLocation);
        }
    }

    private static (List<string> Jobs, List<string> Others) List(IFileSystem fileSystem, CopilotWorkspace workspace, IPackagingReporter? reporter, ManifestBytesReader read)
    {
        var jobs = new List<string>();
        var others = new List<string>();
        var directories = workspace.ListWorkloadDirectories().ToList();
        var headers = new ManifestHeader?[directories.Count];
        var errors = new CopilotJobException?[directories.Count];
        void Read(int i)
        {
            try
            {
                headers[i] = ReadHeader(workspace, directories[i], read);
            }
            catch (CopilotJobException ex)
            {
                errors[i] = ex;
            }
        }

        // A workspace of many workloads has its manifests read side by side; the outcome is taken in directory order.
        SideBySide.For(directories.Count, Read);

        for (var i = 0; i < directories.Count; i++)
        {
            if (errors[i] is { } error)
            {
                reporter?.Warning($"{error.Describe()} (workload \"{directories[i]}\" is left out of the choice)");
                continue;
            }

            (headers[i]!.IsScheduledJob ? jobs : others).Add(directories[i]);
        }

        return (jobs, others);
    }

    // The name and type of copilot/<directory>/manifest.yml; the name must match the directory.
    private static ManifestHeader ReadHeader(CopilotWorkspace workspace, string directory, ManifestBytesReader read)
    {
        var path = workspace.ManifestPath(directory);
        var displayPath = workspace.DisplayPath(path);
        var header = ManifestLoader.ReadHeader(ManifestSource.FromBytes(read(path, displayPath), displayPath));
        if (header.Name != directory)
        {
            throw new CopilotJobException(
                $"name of the manifest \"{header.Name}\" and directory \"{directory}\" do not match",
                header.NameLocation ?? new SourceLocation(displayPath, 1, 1),
                $"Set name: {directory} in the manifest, or rename the directory.");
        }

        return header;
    }
}

/// <summary>Reads a manifest's bytes, bounded like <see cref="InputFiles.ReadBytes"/> (see <see cref="WorkloadDirectories.Direct"/>).</summary>
/// <param name="path">The manifest's path.</param>
/// <param name="displayPath">Its path as errors show it.</param>
internal delegate byte[] ManifestBytesReader(string path, string displayPath);
