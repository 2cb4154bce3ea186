using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest.Nodes;

namespace Copilot.Packaging.Manifest.Reading;

/// <summary>The first YAML document of a manifest as a node tree, and warnings found while reading it.</summary>
/// <param name="Root">The root node; null when the text holds no document.</param>
/// <param name="Warnings">Problems that do not stop loading (for example a second document, which is ignored).</param>
internal sealed record ManifestDocument(ManifestNode? Root, IReadOnlyList<Diagnostic> Warnings);
