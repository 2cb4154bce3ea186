using Copilot.Packaging.Conversions;
namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Finds the valid key an unknown key most likely meant (by edit distance), or the places where it is valid.</summary>
internal static class KeySuggester
{
    /// <summary>The closest key of <paramref name="place"/> within a small edit distance, or null.</summary>
    public static string? Closest(string key, ManifestPlace place)
    {
        var limit = key.Length <= 3 ? 1 : key.Length <= 6 ? 2 : 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in place.Keys)
        {
            var distance = EditDistance.Between(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= limit)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The other places where <paramref name="key"/> is valid as written.</summary>
    public static IReadOnlyList<string> PlacesOf(string key, ManifestPlace except) =>
        ManifestSchema.All.Where(p => p != except && p.Keys.Contains(key, StringComparer.Ordinal)).Select(p => p.Where).ToList();
}
