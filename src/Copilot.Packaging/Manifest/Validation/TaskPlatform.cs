using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>
/// The operating system and architecture a manifest's <c>platform</c> names, and the pairs Fargate accepts.
/// </summary>
/// <param name="OperatingSystem">The OS as written (string form: the part before <c>/</c>).</param>
/// <param name="Architecture">The architecture as written.</param>
internal sealed record TaskPlatform(string OperatingSystem, string Architecture)
{
    /// <summary>The string forms copilot accepts (compared ignoring case).</summary>
    public static readonly IReadOnlyList<string> ValidStrings =
        ["linux/amd64", "linux/x86_64", "linux/arm", "linux/arm64", "windows/amd64", "windows/x86_64"];

    /// <summary>The (osfamily, architecture) pairs copilot accepts in the map form, in the order its message lists them.</summary>
    public static readonly IReadOnlyList<(string Os, string Arch)> ValidPairs =
    [
        ("linux", "x86_64"), ("linux", "amd64"), ("linux", "arm"), ("linux", "arm64"),
        ("windows", "x86_64"), ("windows", "amd64"),
        ("windows_server_2019_core", "x86_64"), ("windows_server_2019_core", "amd64"),
        ("windows_server_2019_full", "x86_64"), ("windows_server_2019_full", "amd64"),
        ("windows_server_2022_core", "x86_64"), ("windows_server_2022_core", "amd64"),
        ("windows_server_2022_full", "x86_64"), ("windows_server_2022_full", "amd64"),
    ];

    /// <summary>True for any Windows OS family.</summary>
    public bool IsWindows => OperatingSystem.StartsWith("windows", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>arm</c> and <c>arm64</c>.</summary>
    public bool IsArm =>
        string.Equals(Architecture, "arm", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Architecture, "arm64", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The platform of <paramref name="platform"/> when it is one copilot accepts; null when absent, empty or invalid
    /// (the platform rule reports invalid ones, so other rules simply skip them).
    /// </summary>
    public static TaskPlatform? FromValid(PlatformConfig? platform)
    {
        if (platform is null)
        {
            return null;
        }

        if (platform.Text is { } text)
        {
            var parts = text.Split('/');
            return parts.Length == 2 && ValidStrings.Contains(text, StringComparer.OrdinalIgnoreCase)
                ? new TaskPlatform(parts[0], parts[1])
                : null;
        }

        return platform.OsFamily is { } os && platform.Architecture is { } arch && ValidPairs.Contains((os, arch))
            ? new TaskPlatform(os, arch)
            : null;
    }
}
