using System.Text.RegularExpressions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Inputs;

/// <summary>
/// copilot's rule for application, environment and job names: a lower-case letter, then lower-case letters, digits
/// and hyphens, no two hyphens in a row, no trailing hyphen, at most 255 characters. Names become file names, stack
/// names and SSM paths, so a name that breaks the rule (<c>x/../../escaped</c>) is refused wherever it comes from.
/// </summary>
internal static partial class CopilotNames
{
    /// <summary>The longest name copilot accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>True when <paramref name="name"/> follows copilot's rule.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && Shape().IsMatch(name)
        && !name.Contains("--", StringComparison.Ordinal)
        && !name.EndsWith('-');

    /// <summary>Throws when <paramref name="name"/> breaks copilot's rule.</summary>
    /// <param name="kind">application, environment or job.</param>
    /// <param name="name">The name.</param>
    /// <param name="source">Where the name came from, for the message (<c>copilot/.records.yml</c>); null for a name the caller gave.</param>
    /// <param name="location">The file position of the name, when it is in a file.</param>
    /// <exception cref="CopilotJobException">The name is invalid.</exception>
    public static void Ensure(string kind, string? name, string? source, SourceLocation? location = null)
    {
        if (IsValid(name))
        {
            return;
        }

        var shown = name is null ? "(none)" : Shown(name);
        var reason = name switch
        {
            null or "" => "it is empty",
            { Length: > MaxLength } => $"it is longer than {MaxLength} characters",
            _ => "it must start with a lower-case letter and contain only lower-case letters, digits and single hyphens, not ending in a hyphen",
        };
        throw new CopilotJobException(
            source is null ? $"{kind} name {shown} is invalid: {reason}" : $"{kind} name {shown} from {source} is invalid: {reason}",
            location,
            $"Use the {kind}'s name as copilot created it (for example \"my-{kind}\").");
    }

    private static string Shown(string name)
    {
        var cut = name.Length > 80 ? name[..80] + "…" : name;
        var escaped = string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"\"{escaped}\"";
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
