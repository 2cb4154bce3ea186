namespace Copilot.Packaging.Manifest.Reading;

/// <summary>Bounds that keep hostile manifests (huge files, deep nesting, alias bombs) cheap to reject.</summary>
internal static class ManifestReadLimits
{
    /// <summary>The largest manifest accepted, in UTF-8 bytes (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting of maps and lists accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most YAML nodes a manifest may hold, counting every alias as a full copy of its anchor.</summary>
    public const long MaxNodes = 250_000;
}
