using System.Reflection;

namespace Copilot.Tool;

/// <summary>
/// The tool's version and commit, from the assembly's informational version: MinVer's version from the git tags, and
/// the commit the SDK appends after <c>+</c> (SourceLink's <c>SourceRevisionId</c>), e.g.
/// <c>0.1.0-alpha.0.95+f9c8d9d0b1…</c>.
/// </summary>
internal static class ToolVersion
{
    /// <summary>The assembly's informational version, as built.</summary>
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The package version (the informational version without build metadata).</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The short commit hash the tool was built from; null when it was built outside a git checkout.</summary>
    public static string? Commit
    {
        get
        {
            var plus = Informational.IndexOf('+', StringComparison.Ordinal);
            if (plus < 0)
            {
                return null;
            }

            // Build metadata may carry more than the commit (a.b+meta.<sha>): the commit is the last dot-separated part.
            var commit = Informational[(plus + 1)..].Split('.')[^1];
            return commit.Length >= 7 && commit.All(char.IsAsciiHexDigit) ? commit[..Math.Min(7, commit.Length)] : null;
        }
    }

    /// <summary>What <c>--version</c> prints: <c>copilot-job 0.1.0-alpha.0.95 (commit f9c8d9d)</c>.</summary>
    public static string Text => $"copilot-job {Version} (commit {Commit ?? "unknown"})";
}
