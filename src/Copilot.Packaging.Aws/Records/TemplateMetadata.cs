using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Aws.Records;

/// <summary>Reads <c>Version</c> from a template's <c>Metadata</c> as GetTemplateSummary returns it (compact JSON on AWS; YAML is accepted too).</summary>
internal static class TemplateMetadata
{
    /// <summary>The <c>Version</c> string, or null when the metadata is absent, unreadable or has no non-empty <c>Version</c>.</summary>
    internal static string? ReadVersion(string? metadata)
    {
        if (string.IsNullOrWhiteSpace(metadata))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(metadata);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("Version", out var version)
                   && version.ValueKind == JsonValueKind.String
                   && version.GetString() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return ReadVersionFromYaml(metadata);
        }
    }

    private static string? ReadVersionFromYaml(string metadata)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(metadata));
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
