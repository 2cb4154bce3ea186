using Copilot.Packaging.Manifest.Reading;

namespace Copilot.Packaging.Manifest;

/// <summary>A manifest's text and the path shown in every location that points into it.</summary>
/// <param name="Text">The manifest text.</param>
/// <param name="DisplayPath">The path as the user should read it, for example <c>copilot/job/manifest.yml</c>.</param>
internal sealed record ManifestSource(string Text, string DisplayPath)
{
    /// <summary>
    /// A source from the file's bytes: they must be strict UTF-8 (a leading byte-order mark is dropped) and at most
    /// 1 MiB long.
    /// </summary>
    /// <param name="bytes">The file's contents.</param>
    /// <param name="displayPath">The path as the user should read it.</param>
    /// <exception cref="Errors.CopilotJobException">The bytes are too many or not UTF-8; the location names the first bad byte.</exception>
    public static ManifestSource FromBytes(ReadOnlySpan<byte> bytes, string displayPath) =>
        new(ManifestTextCheck.DecodeUtf8(bytes, displayPath), displayPath);
}
