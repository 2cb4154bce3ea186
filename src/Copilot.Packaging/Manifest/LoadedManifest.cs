using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest;

/// <summary>A loaded manifest: the typed model for one environment, the interpolated text, and warnings.</summary>
/// <param name="Manifest">The manifest after interpolation and the environment override, with its source map.</param>
/// <param name="InterpolatedText">
/// The interpolated document re-written as YAML (still holding the whole <c>environments</c> block; comments dropped),
/// for the template's <c>Metadata.Manifest</c>. Empty when the manifest holds no document.
/// </param>
/// <param name="Warnings">Problems that did not stop loading, in file order (for example unknown keys).</param>
internal sealed record LoadedManifest(ScheduledJobManifest Manifest, string InterpolatedText, IReadOnlyList<Diagnostic> Warnings);
