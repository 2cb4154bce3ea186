using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// What the pairs of a batch share: the workspace, found once, and each job's check, made once (a single run makes a
/// scope of its own).
/// </summary>
internal sealed class JobBatchScope(CopilotWorkspace workspace)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CopilotJobException?>> _jobs = new(StringComparer.Ordinal);

    public CopilotWorkspace Workspace => workspace;

    /// <summary>As <see cref="WorkloadDirectories.EnsureJob"/>, once per job: its pairs share the one error.</summary>
    public void EnsureJob(IFileSystem fileSystem, string job)
    {
        var error = _jobs.GetOrAdd(job, name => new Lazy<CopilotJobException?>(() =>
        {
            try
            {
                WorkloadDirectories.EnsureJob(fileSystem, workspace, name);
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
