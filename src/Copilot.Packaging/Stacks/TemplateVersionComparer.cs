using Copilot.Packaging.Errors;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Stacks;

/// <summary>
/// Template versions (<c>Metadata.Version</c>, for example <c>v1.29.0</c>) ordered the way copilot orders them
/// (Go <c>golang.org/x/mod/semver</c>: a leading <c>v</c> is required, <c>v1</c> and <c>v1.2</c> are shorthands,
/// prereleases sort before their release, build metadata is ignored, invalid strings sort below every valid one),
/// and the downgrade guard of <c>--allow-downgrade</c>.
/// </summary>
internal static class TemplateVersionComparer
{
    /// <summary>Compares two versions: negative when <paramref name="left"/> is older, 0 when equal, positive when newer.</summary>
    public static int Compare(string? left, string? right)
    {
        var a = SemanticVersion.TryParse(left);
        var b = SemanticVersion.TryParse(right);
        return (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => a.CompareTo(b),
        };
    }

    /// <summary>True when <paramref name="version"/> is a valid Go-semver version (<c>vMAJOR[.MINOR[.PATCH[-pre][+build]]]</c>).</summary>
    public static bool IsValid(string? version) => SemanticVersion.TryParse(version) is not null;

    /// <summary>
    /// Refuses to replace a workload stack that a newer copilot (or this tool's newer release) deployed. Unlike copilot,
    /// a missing, empty or non-semver deployed version does not block: only a valid version newer than
    /// <paramref name="ourVersion"/> does.
    /// </summary>
    /// <param name="job">The job name, for the message.</param>
    /// <param name="deployedVersion">The deployed stack's <c>Metadata.Version</c>; null when there is no stack or no version.</param>
    /// <param name="ourVersion">The version this tool writes; defaults to <see cref="TemplateVersion.Current"/>.</param>
    /// <exception cref="CopilotJobException">The deployed version is newer, with copilot's message and advice (code <see cref="CopilotJobErrorCode.Downgrade"/>).</exception>
    public static void EnsureNotDowngrade(string job, string? deployedVersion, string ourVersion = TemplateVersion.Current)
    {
        if (!IsValid(deployedVersion) || Compare(deployedVersion, ourVersion) <= 0)
        {
            return;
        }

        throw new CopilotJobException(
            $"cannot downgrade workload \"{job}\" (currently in version {deployedVersion}) to version {ourVersion}",
            recommendation: string.Join(
                Environment.NewLine,
                $"It looks like you are trying to use an earlier version of Copilot to downgrade `workload {job}` lastly updated by a newer version of Copilot.",
                "- We recommend upgrade your local Copilot CLI version and run this command again."),
            code: CopilotJobErrorCode.Downgrade);
    }
}
