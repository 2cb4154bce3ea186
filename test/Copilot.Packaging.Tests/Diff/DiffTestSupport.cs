using Copilot.Packaging.Diff;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>Shortcuts shared by the diff tests.</summary>
internal static class DiffTestSupport
{
    /// <summary>Parses both texts, compares them and writes the diff without colour.</summary>
    public static string DiffText(string deployed, string proposed) => DiffTextWriter.Write(Tree(deployed, proposed));

    public static DiffTree Tree(string deployed, string proposed) =>
        TemplateDiffer.Compare(
            CloudFormationTemplateParser.Parse(deployed, "deployed.yml"),
            CloudFormationTemplateParser.Parse(proposed, "proposed.yml"));

    /// <summary>The expected text written with a leading newline for readability in raw strings.</summary>
    public static string Lines(string text) => text.TrimStart('\n').ReplaceLineEndings("\n") + "\n";
}
