using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>Writes the template configuration as YAML: a <c>Parameters</c> map and a <c>Tags</c> map, keys sorted.</summary>
internal static class TemplateConfigurationYaml
{
    /// <summary>The YAML text of <paramref name="configuration"/>.</summary>
    public static string Write(TemplateConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return YamlTextWriter.Write(Cfn.Map(
            ("Parameters", Sorted(configuration.Parameters)),
            ("Tags", Sorted(configuration.Tags))));
    }

    private static YamlMappingNode Sorted(IReadOnlyDictionary<string, string> values)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map.Add(Cfn.Key(key), Cfn.Str(value));
        }

        return map;
    }
}
