namespace Copilot.Packaging.Manifest.Model;

/// <summary>
/// The <c>platform</c> field: either the string form <c>os/arch</c> (<see cref="Text"/>) or the map form
/// (<see cref="OsFamily"/> and <see cref="Architecture"/>).
/// </summary>
internal sealed record PlatformConfig
{
    /// <summary>The string form as written (for example <c>linux/arm64</c>); null for the map form.</summary>
    public string? Text { get; init; }

    /// <summary><c>platform.osfamily</c> of the map form.</summary>
    public string? OsFamily { get; init; }

    /// <summary><c>platform.architecture</c> of the map form.</summary>
    public string? Architecture { get; init; }
}
