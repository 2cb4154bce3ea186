using System.Text.Json;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Reads a CloudFormation template body, YAML or JSON (CloudFormation returns a template in the format it was
/// submitted in), into the YamlDotNet node tree the diff compares. Short-form tags such as <c>!Ref</c> are kept.
/// </summary>
internal static class CloudFormationTemplateParser
{
    /// <summary>Parses a template.</summary>
    /// <param name="text">The template body; read as JSON when it starts with <c>{"</c> (blanks aside), otherwise as YAML.</param>
    /// <param name="sourceName">Names the template in error messages (for example <c>the deployed template of stack "app-test-job"</c>).</param>
    /// <returns>The root node of the first document, or null when the text holds no document or an empty one.</returns>
    /// <exception cref="CopilotJobException">The text is neither valid JSON nor valid YAML; the message says why and where.</exception>
    public static YamlNode? Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var body = text.TrimStart('\uFEFF');

        // The same bounds as workspace files: size here, depth and alias expansion while parsing.
        if (body.Length > BoundedYamlLoader.MaxFileBytes)
        {
            throw new CopilotJobException(
                $"{sourceName} is {body.Length} characters long; at most {BoundedYamlLoader.MaxFileBytes} are read (CloudFormation itself accepts at most 1 MB)",
                new SourceLocation(sourceName, 1, 1));
        }

        if (LooksLikeJson(body))
        {
            try
            {
                return JsonTemplateConverter.Convert(body, sourceName);
            }
            catch (JsonException ex)
            {
                var line = (int)(ex.LineNumber ?? 0) + 1;
                var column = (int)(ex.BytePositionInLine ?? 0) + 1;
                throw new CopilotJobException(
                    $"{sourceName} is not valid JSON: {FirstSentence(ex.Message)}",
                    new SourceLocation(sourceName, line, column),
                    "Check the template for a missing comma, quote or bracket near that position.",
                    ex);
            }
        }

        try
        {
            return ParseYaml(body, sourceName);
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new CopilotJobException(
                $"{sourceName} is not valid YAML: {reason}",
                new SourceLocation(sourceName, (int)ex.Start.Line, (int)ex.Start.Column),
                "A CloudFormation template must be one YAML (or JSON) document with unique keys in every mapping.",
                ex);
        }
    }

    // A JSON template is an object whose first key is quoted ("{}" too); a YAML flow mapping such as "{a: b}" is not.
    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') && trimmed[1..].TrimStart() is ['"', ..] or ['}', ..];
    }

    private static YamlNode? ParseYaml(string text, string sourceName)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(BoundedYamlLoader.Limit(new Parser(reader), sourceName));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    // JsonException messages end with position details that the location already gives.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
