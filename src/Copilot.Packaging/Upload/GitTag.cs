using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Upload;

/// <summary>
/// The git-derived image tag: <c>git describe --always</c>, dropped when <c>git status --porcelain</c> shows a dirty
/// tree. Best effort: any failure (no git, not a repository) means no tag.
/// </summary>
internal static class GitTag
{
    /// <summary>The tag, or null.</summary>
    public static async Task<string?> ReadAsync(IProcessRunner processes, string workingDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var describe = await processes.RunAsync("git", ["describe", "--always"], workingDirectory, null, cancellationToken).ConfigureAwait(false);
            var tag = describe.StandardOutput.Trim();
            if (describe.ExitCode != 0 || tag.Length == 0)
            {
                return null;
            }

            var status = await processes.RunAsync("git", ["status", "--porcelain"], workingDirectory, null, cancellationToken).ConfigureAwait(false);
            return status.ExitCode == 0 && status.StandardOutput.Trim().Length == 0 ? tag : null;
        }
        catch (CopilotJobException)
        {
            return null;
        }
    }
}
