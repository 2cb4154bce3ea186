using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// What the pairs of a batch share: the workspace, found once; each job's check, made once; and each manifest's bytes,
/// read once for all its environments (a single run makes a scope of its own).
/// </summary>
internal sealed class JobBatchScope(CopilotWorkspace workspace)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CopilotJobException?>> _jobs = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[]>> _manifests = new(StringComparer.Ordinal);

    public CopilotWorkspace Workspace => workspace;

    /// <summary>
    /// The scope's manifest reader: each file is read once (bounded, as <see cref="InputFiles.ReadBytes"/>), so every
    /// pair of a job packages the same bytes even if the file changes while the batch runs; an error is the same for all.
    /// </summary>
    public ManifestBytesReader ManifestReader(IFileSystem fileSystem) =>
        (path, displayPath) => _manifests.GetOrAdd(path, p => new Lazy<byte[]>(() => InputFiles.ReadBytes(fileSystem, p, displayPath))).Value;

    /// <summary>
    /// The Scheduled Jobs of the workspace (as <see cref="WorkloadDirectories.ListJobs"/>), their manifests read into
    /// the scope; each is still checked by <see cref="EnsureJob"/> (a listed directory may have a name copilot refuses).
    /// </summary>
    public IReadOnlyList<string> ListJobs(IFileSystem fileSystem, IPackagingReporter reporter) =>
        WorkloadDirectories.ListJobs(fileSystem, workspace, reporter, ManifestReader(fileSystem));

    /// <summary>As <see cref="WorkloadDirectories.EnsureJob"/>, once per job: its pairs share the one error.</summary>
    public void EnsureJob(IFileSystem fileSystem, string job)
    {
        var error = _jobs.GetOrAdd(job, name => new Lazy<CopilotJobException?>(() =>
        {
            try
            {
                WorkloadDirectories.EnsureJob(fileSystem, workspace, name, ManifestReader(fileSystem));
                return null;
            }
            catch (CopilotJobException ex)
            {
                return ex;
            }
        })).Value;
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }
}
