namespace Copilot.Packaging.Synthesis;

/// <summary>
/// The template version this tool writes to <c>Metadata.Version</c>. It sorts after every copilot release
/// (the last was v1.34.x), so stacks copilot deployed update without <c>--allow-downgrade</c>, and copilot itself
/// sees our stacks as newer.
/// </summary>
internal static class TemplateVersion
{
    /// <summary>The version string, with the leading <c>v</c>.</summary>
    public const string Current = "v1.35.0";
}
