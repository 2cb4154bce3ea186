using System.Globalization;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>Builds manifest field paths in the form <see cref="ManifestSourceMap"/> uses (<c>a.b[0].c</c>).</summary>
internal static class FieldPath
{
    /// <summary>The path of map key <paramref name="key"/> under <paramref name="parent"/>.</summary>
    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    /// <summary>The path of list item <paramref name="index"/> under <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
