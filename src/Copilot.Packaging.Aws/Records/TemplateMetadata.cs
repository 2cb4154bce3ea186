using System.Text.Json;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Aws.Records;

/// <summary>Reads <c>Version</c> from a template's <c>Metadata</c> as GetTemplateSummary returns it (compact JSON on AWS; YAML is accepted too).</summary>
internal static class TemplateMetadata
{
    private const int MaxMetadataChars = 1024 * 1024;

    /// <summary>The <c>Version</c> string, or null when the metadata is absent, unreadable or has no non-empty <c>Version</c>.</summary>
    /// <param name="metadata">The metadata text.</param>
    /// <param name="stackName">The stack it belongs to, for messages.</param>
    /// <exception cref="Errors.CopilotJobException">The metadata is larger, deeper or expands further than workspace files may.</exception>
    internal static string? ReadVersion(string? metadata, string stackName = "the stack")
    {
        if (string.IsNullOrWhiteSpace(metadata))
        {
            return null;
        }

        var what = $"the template Metadata of stack {stackName}";
        AwsAnswerLimits.EnsureSize(metadata, MaxMetadataChars, what);
        try
        {
            using var document = JsonDocument.Parse(metadata, AwsAnswerLimits.Json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("Version", out var version)
                   && version.ValueKind == JsonValueKind.String
                   && version.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            // Not JSON (or JSON nested past the JSON bound): YAML, read within the workspace bounds.
            return ReadVersionFromYaml(metadata, what);
        }
    }

    private static string? ReadVersionFromYaml(string metadata, string what)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(BoundedYamlLoader.Limit(new Parser(new StringReader(metadata)), what));
            return stream.Documents.Count > 0
                   && stream.Documents[0].RootNode is YamlMappingNode mapping
                   && mapping.Children.TryGetValue(new YamlScalarNode("Version"), out var node)
                   && node is YamlScalarNode { Value: { Length: > 0 } value }
                ? value
                : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }
}
