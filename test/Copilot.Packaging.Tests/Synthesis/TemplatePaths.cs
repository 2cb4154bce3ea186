using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>Reads nodes of a template by path (<c>Resources.TaskDefinition.Properties.ContainerDefinitions[0].Name</c>).</summary>
internal static partial class TemplatePaths
{
    public static YamlNode? Find(YamlNode root, string path)
    {
        YamlNode? current = root;
        foreach (var segment in path.Split('.'))
        {
            var match = SegmentPattern().Match(segment);
            var key = match.Groups[1].Value;
            if (current is not YamlMappingNode map)
            {
                return null;
            }

            current = map.Children.FirstOrDefault(p => ((YamlScalarNode)p.Key).Value == key).Value;
            foreach (Capture index in match.Groups[3].Captures)
            {
                var i = int.Parse(index.Value, CultureInfo.InvariantCulture);
                current = current is YamlSequenceNode seq && i < seq.Children.Count ? seq.Children[i] : null;
            }
        }

        return current;
    }

    public static YamlNode Node(YamlNode root, string path) =>
        Find(root, path) ?? throw new AssertionException($"No node at {path}.");

    public static string Text(YamlNode root, string path) =>
        Node(root, path) is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw new AssertionException($"{path} is not a scalar.");

    public static string Tag(YamlNode root, string path) => Node(root, path).Tag.IsEmpty ? string.Empty : Node(root, path).Tag.Value;

    public static IReadOnlyList<string> Keys(YamlNode root, string path) =>
        ((YamlMappingNode)Node(root, path)).Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? string.Empty).ToList();

    /// <summary>The <c>Environment</c> entries of a container as name to value node.</summary>
    public static IReadOnlyDictionary<string, YamlNode> Environment(YamlNode root, int container) =>
        ((YamlSequenceNode)Node(root, $"Resources.TaskDefinition.Properties.ContainerDefinitions[{container}].Environment")).Children
            .Cast<YamlMappingNode>()
            .ToDictionary(e => Text(e, "Name"), e => Node(e, "Value"));

    [GeneratedRegex(@"^([^\[]+)((?:\[(\d+)\])*)$")]
    private static partial Regex SegmentPattern();
}
