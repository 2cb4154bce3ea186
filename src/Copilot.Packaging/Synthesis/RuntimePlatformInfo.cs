using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Synthesis;

/// <summary>The ECS runtime platform a manifest's <c>platform</c> field maps to.</summary>
/// <param name="OperatingSystemFamily">For example <c>LINUX</c> or <c>WINDOWS_SERVER_2019_CORE</c>.</param>
/// <param name="CpuArchitecture"><c>X86_64</c> or <c>ARM64</c>.</param>
internal sealed record RuntimePlatformInfo(string OperatingSystemFamily, string CpuArchitecture)
{
    /// <summary>Linux on x86-64, which copilot leaves implicit (no <c>RuntimePlatform</c>).</summary>
    public static readonly RuntimePlatformInfo Default = new("LINUX", "X86_64");

    /// <summary>True for Linux on x86-64.</summary>
    public bool IsDefault => this == Default;

    /// <summary>True for any Windows family; Fargate then needs platform version 1.0.0.</summary>
    public bool IsWindows => OperatingSystemFamily.StartsWith("WINDOWS", StringComparison.Ordinal);

    /// <summary>Maps the manifest field (string <c>os/arch</c> or map form).</summary>
    public static RuntimePlatformInfo From(PlatformConfig? platform)
    {
        if (platform is null)
        {
            return Default;
        }

        string os;
        string arch;
        if (platform.Text is { } text)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            os = slash < 0 ? text : text[..slash];
            arch = slash < 0 ? string.Empty : text[(slash + 1)..];
        }
        else
        {
            os = platform.OsFamily ?? string.Empty;
            arch = platform.Architecture ?? string.Empty;
        }

        if (os.Length == 0 && arch.Length == 0)
        {
            return Default;
        }

        var family = os.ToLowerInvariant() switch
        {
            "windows" or "windows_server_2019_core" => "WINDOWS_SERVER_2019_CORE",
            "windows_server_2019_full" => "WINDOWS_SERVER_2019_FULL",
            "windows_server_2022_core" => "WINDOWS_SERVER_2022_CORE",
            "windows_server_2022_full" => "WINDOWS_SERVER_2022_FULL",
            _ => "LINUX",
        };
        var cpu = arch.ToLowerInvariant() is "arm" or "arm64" ? "ARM64" : "X86_64";
        return new RuntimePlatformInfo(family, cpu);
    }
}
