using System.Text.RegularExpressions;

namespace Copilot.Packaging.Addons;

/// <summary>Names copilot derives from addons template outputs.</summary>
internal static partial class AddonsNaming
{
    /// <summary>
    /// The environment variable (or secret) name for an addons output: words split at case changes, joined with
    /// <c>_</c> and upper-cased (<c>MyTableName</c> → <c>MY_TABLE_NAME</c>, <c>usersDdbTableName</c> →
    /// <c>USERS_DDB_TABLE_NAME</c>, <c>MyDDBTableWithLSI</c> → <c>MY_DDB_TABLE_WITH_LSI</c>).
    /// </summary>
    /// <param name="outputName">The output's logical ID.</param>
    /// <returns>The SNAKE_CASE name.</returns>
    public static string EnvVarName(string outputName)
    {
        ArgumentNullException.ThrowIfNull(outputName);

        // First split a lower-case letter or digit from the capital after it, then split an acronym from the
        // capitalised word that follows it.
        var words = LowerThenUpper().Replace(outputName, "$1_$2");
        words = AcronymThenWord().Replace(words, "$1_$2");
        return words.ToUpperInvariant();
    }

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex LowerThenUpper();

    [GeneratedRegex("([A-Z0-9])([A-Z][a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymThenWord();
}
