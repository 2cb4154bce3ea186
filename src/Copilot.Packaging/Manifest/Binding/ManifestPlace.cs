namespace Copilot.Packaging.Manifest.Binding;

/// <summary>A place in the manifest where a map is expected, and the keys valid there.</summary>
/// <param name="Where">How the place reads in messages, for example <c>image</c> or <c>sidecars.&lt;name&gt;</c>.</param>
/// <param name="Keys">The keys valid at this place.</param>
internal sealed record ManifestPlace(string Where, IReadOnlyList<string> Keys);
