using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The workload directories of a workspace, each manifest's name checked against its directory (the one place that
/// check is made): the Scheduled Jobs, and the other workloads with their headers.
/// </summary>
internal sealed class WorkloadDirectories
{
    private WorkloadDirectories(List<string> jobs, Dictionary<string, ManifestHeader> others)
    {
        Jobs = jobs;
        Others = others;
    }

    public IReadOnlyList<string> Jobs { get; }

    private Dictionary<string, ManifestHeader> Others { get; }

    public static WorkloadDirectories Read(IFileSystem fileSystem, CopilotWorkspace workspace)
    {
        var jobs = new List<string>();
        var others = new Dictionary<string, ManifestHeader>(StringComparer.Ordinal);
        foreach (var directory in workspace.ListWorkloadDirectories())
        {
            var path = workspace.ManifestPath(directory);
            var header = ManifestLoader.ReadHeader(ManifestSource.FromBytes(fileSystem.File.ReadAllBytes(path), workspace.DisplayPath(path)));
            if (header.Name != directory)
            {
                throw new CopilotJobException(
                    $"name of the manifest \"{header.Name}\" and directory \"{directory}\" do not match",
                    header.NameLocation ?? new SourceLocation(workspace.DisplayPath(path), 1, 1),
                    $"Set name: {directory} in the manifest, or rename the directory.");
            }

            if (header.IsScheduledJob)
            {
                jobs.Add(directory);
            }
            else
            {
                others[directory] = header;
            }
        }

        return new WorkloadDirectories(jobs, others);
    }

    /// <summary>Fails unless <paramref name="job"/> is a Scheduled Job of the workspace.</summary>
    public void EnsureJob(string job)
    {
        if (Others.TryGetValue(job, out var other))
        {
            throw new CopilotJobException(
                $"workload '{job}' is a {other.Type ?? "workload without a type"}, not a {ManifestHeader.ScheduledJobType}: this tool packages Scheduled Jobs only",
                other.TypeLocation ?? other.NameLocation);
        }

        if (!Jobs.Contains(job, StringComparer.Ordinal))
        {
            var known = Jobs.Count == 0 ? "there are no jobs" : $"jobs: {string.Join(", ", Jobs)}";
            throw new CopilotJobException($"job '{job}' does not exist in the workspace ({known})");
        }
    }
}
