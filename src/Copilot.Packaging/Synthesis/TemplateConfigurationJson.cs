using System.Text;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Writes the template configuration (<c>&lt;job&gt;-&lt;env&gt;.params.json</c>) byte for byte as copilot does:
/// <c>{"Parameters": {...}, "Tags": {...}}</c> with a two-space indent, keys sorted, Go's HTML-safe string escaping,
/// <c>Tags</c> left out when empty, and no trailing newline.
/// </summary>
internal static class TemplateConfigurationJson
{
    /// <summary>Writes <paramref name="configuration"/> as JSON text.</summary>
    /// <param name="configuration">The parameters and tags.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    public static string Write(TemplateConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new StringBuilder();
        builder.Append("{\n  \"Parameters\": ");
        GoJson.AppendIndentedObject(builder, configuration.Parameters, 1);
        if (configuration.Tags.Count > 0)
        {
            builder.Append(",\n  \"Tags\": ");
            GoJson.AppendIndentedObject(builder, configuration.Tags, 1);
        }

        builder.Append("\n}");
        return builder.ToString();
    }
}
