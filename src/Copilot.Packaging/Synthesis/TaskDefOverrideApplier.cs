using System.Globalization;
using System.Text.RegularExpressions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Synthesis;

/// <summary>
/// Applies <c>taskdef_overrides</c> rules to <c>Resources.TaskDefinition.Properties</c>, in manifest order. A path is
/// <c>.</c>-separated segments, each <c>key</c>, <c>key[N]</c> (an existing element) or <c>key[-]</c> (a new element
/// appended); missing map keys are created and the last segment sets or replaces the value (tags kept).
/// </summary>
internal static partial class TaskDefOverrideApplier
{
    private const string Prefix = "Resources.TaskDefinition.Properties.";

    /// <summary>Applies <paramref name="rules"/> to <paramref name="template"/> in place.</summary>
    /// <exception cref="CopilotJobException">A rule's path is malformed or addresses a list element that does not exist.</exception>
    public static void Apply(YamlMappingNode template, IReadOnlyList<TaskDefOverride> rules, ManifestSourceMap source)
    {
        if (rules.Count == 0)
        {
            return;
        }

        if (template.Children.Count == 0)
        {
            throw new CopilotJobException("cannot apply override rule on empty YAML template");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var field = $"taskdef_overrides[{i}]";
            try
            {
                ApplyRule(template, rules[i]);
            }
            catch (OverrideException e)
            {
                throw new CopilotJobException($"{field}: {e.Message}", source.Locate(e.InValue ? field + ".value" : field + ".path"));
            }
        }
    }

    private static void ApplyRule(YamlMappingNode template, TaskDefOverride rule)
    {
        if (string.IsNullOrEmpty(rule.Path))
        {
            throw new OverrideException("\"path\" must be specified; expected a path such as ContainerDefinitions[0].Ulimits[-].HardLimit");
        }

        if (rule.Value is null)
        {
            throw new OverrideException($"\"value\" must be specified for the override of \"{rule.Path}\"", inValue: true);
        }

        var segments = (Prefix + rule.Path).Split('.').Select(Parse).ToList();
        YamlNode current = template;
        var walked = new List<string>();
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            var last = k == segments.Count - 1;
            if (current is not YamlMappingNode map)
            {
                throw new OverrideException($"cannot apply override at \"{string.Join('.', walked)}\": it is not a map, so it has no key \"{segment.Key}\"");
            }

            walked.Add(segment.Text);
            var existingKey = FindKey(map, segment.Key);
            if (segment.Index is null)
            {
                if (last)
                {
                    Set(map, existingKey, segment.Key, YamlNodeCloner.Clone(rule.Value));
                }
                else if (existingKey is null)
                {
                    var child = new YamlMappingNode();
                    map.Add(Cfn.Key(segment.Key), child);
                    current = child;
                }
                else
                {
                    current = map.Children[existingKey];
                }

                continue;
            }

            if (segment.Index == "-")
            {
                YamlSequenceNode sequence;
                if (existingKey is null)
                {
                    sequence = new YamlSequenceNode();
                    map.Add(Cfn.Key(segment.Key), sequence);
                }
                else
                {
                    sequence = map.Children[existingKey] as YamlSequenceNode
                        ?? throw new OverrideException($"cannot specify {segment.Text} because {segment.Key} is not a sequence");
                }

                if (last)
                {
                    sequence.Add(YamlNodeCloner.Clone(rule.Value));
                }
                else
                {
                    var element = new YamlMappingNode();
                    sequence.Add(element);
                    current = element;
                }

                continue;
            }

            var index = int.Parse(segment.Index, NumberStyles.None, CultureInfo.InvariantCulture);
            if (existingKey is null)
            {
                throw new OverrideException(
                    $"cannot specify {segment.Text} because {segment.Key} does not exist. Use {segment.Key}[-] to append to the sequence instead");
            }

            var list = map.Children[existingKey] as YamlSequenceNode
                ?? throw new OverrideException($"cannot specify {segment.Text} because {segment.Key} is not a sequence");
            if (index >= list.Children.Count)
            {
                throw new OverrideException(
                    $"cannot specify {segment.Text} because the current length is {list.Children.Count}. Use [-] to append to the sequence instead");
            }

            if (last)
            {
                list.Children[index] = YamlNodeCloner.Clone(rule.Value);
            }
            else
            {
                current = list.Children[index];
            }
        }
    }

    private static Segment Parse(string text)
    {
        var match = SegmentPattern().Match(text);
        if (!match.Success)
        {
            throw new OverrideException(
                $"invalid override path segment \"{text}\": segments must be of the form \"array[0]\", \"array[-]\" or \"key\"");
        }

        return new Segment(text, match.Groups[1].Value, match.Groups[3].Success ? match.Groups[3].Value : null);
    }

    private static YamlNode? FindKey(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode scalar && scalar.Value == key);

    // Replaces the value in place (keeping the key's position) or appends the key.
    private static void Set(YamlMappingNode map, YamlNode? existingKey, string key, YamlNode value)
    {
        if (existingKey is null)
        {
            map.Add(Cfn.Key(key), value);
        }
        else
        {
            map.Children[existingKey] = value;
        }
    }

    [GeneratedRegex(@"^([a-zA-Z0-9_-]+)(\[(\d+|-)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();

    private sealed record Segment(string Text, string Key, string? Index);

    private sealed class OverrideException(string message, bool inValue = false) : Exception(message)
    {
        public bool InValue { get; } = inValue;
    }
}
