using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>
/// Compares two CloudFormation templates leaf for leaf, the way a template diff would: map key order, tags and
/// quoting are ignored; short intrinsic tags (<c>!Sub x</c>) equal their long forms (<c>Fn::Sub: x</c>), and
/// <c>!GetAtt a.b</c> equals <c>Fn::GetAtt: [a, b]</c>. Scalars compare by text.
/// </summary>
internal static class TemplateTreeComparer
{
    private static readonly HashSet<string> Intrinsics =
    [
        "Ref", "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
        "Transform", "Condition", "And", "Equals", "If", "Not", "Or",
    ];

    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Every difference as <c>path: expected -> actual</c>; empty when the templates are equal.</summary>
    public static IReadOnlyList<TreeDifference> Compare(YamlNode expected, YamlNode actual)
    {
        var differences = new List<TreeDifference>();
        Walk(Normalize(expected), Normalize(actual), string.Empty, differences);
        return differences;
    }

    private static void Walk(YamlNode expected, YamlNode actual, string path, List<TreeDifference> differences)
    {
        switch (expected, actual)
        {
            case (YamlScalarNode e, YamlScalarNode a):
                if (e.Value != a.Value)
                {
                    differences.Add(new TreeDifference(path, Show(e), Show(a)));
                }

                break;
            case (YamlSequenceNode e, YamlSequenceNode a):
                for (var i = 0; i < Math.Max(e.Children.Count, a.Children.Count); i++)
                {
                    var itemPath = $"{path}[{i}]";
                    if (i >= e.Children.Count)
                    {
                        differences.Add(new TreeDifference(itemPath, "(missing)", Show(a.Children[i])));
                    }
                    else if (i >= a.Children.Count)
                    {
                        differences.Add(new TreeDifference(itemPath, Show(e.Children[i]), "(missing)"));
                    }
                    else
                    {
                        Walk(e.Children[i], a.Children[i], itemPath, differences);
                    }
                }

                break;
            case (YamlMappingNode e, YamlMappingNode a):
                var expectedKeys = e.Children.ToDictionary(p => KeyText(p.Key), p => p.Value, StringComparer.Ordinal);
                var actualKeys = a.Children.ToDictionary(p => KeyText(p.Key), p => p.Value, StringComparer.Ordinal);
                foreach (var key in expectedKeys.Keys.Union(actualKeys.Keys).Order(StringComparer.Ordinal))
                {
                    var keyPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (!actualKeys.TryGetValue(key, out var actualValue))
                    {
                        differences.Add(new TreeDifference(keyPath, Show(expectedKeys[key]), "(missing)"));
                    }
                    else if (!expectedKeys.TryGetValue(key, out var expectedValue))
                    {
                        differences.Add(new TreeDifference(keyPath, "(missing)", Show(actualValue)));
                    }
                    else
                    {
                        Walk(expectedValue, actualValue, keyPath, differences);
                    }
                }

                break;
            default:
                differences.Add(new TreeDifference(path, Show(expected), Show(actual)));
                break;
        }
    }

    // Rewrites short-form intrinsics into their long form, drops tags and splits GetAtt strings.
    private static YamlNode Normalize(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && Intrinsics.Contains(tag[1..]))
        {
            var function = tag[1..];
            var key = function is "Ref" or "Condition" ? function : "Fn::" + function;
            return LongForm(key, Normalize(Untagged(node)));
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return new YamlScalarNode(scalar.Value);
            case YamlSequenceNode sequence:
                var seq = new YamlSequenceNode();
                foreach (var child in sequence.Children)
                {
                    seq.Add(Normalize(child));
                }

                return seq;
            case YamlMappingNode mapping:
                if (mapping.Children.Count == 1)
                {
                    var (onlyKey, onlyValue) = mapping.Children.First();
                    var keyText = KeyText(onlyKey);
                    if (keyText == "Fn::GetAtt" || keyText == "Ref" || keyText == "Condition" ||
                        (keyText.StartsWith("Fn::", StringComparison.Ordinal) && Intrinsics.Contains(keyText[4..])))
                    {
                        return LongForm(keyText, Normalize(onlyValue));
                    }
                }

                var map = new YamlMappingNode();
                foreach (var (key, value) in mapping.Children)
                {
                    map.Add(new YamlScalarNode(KeyText(key)), Normalize(value));
                }

                return map;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static YamlMappingNode LongForm(string key, YamlNode argument)
    {
        if (key == "Fn::GetAtt" && argument is YamlScalarNode { Value: { } text } && text.Contains('.', StringComparison.Ordinal))
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            argument = new YamlSequenceNode(new YamlScalarNode(text[..dot]), new YamlScalarNode(text[(dot + 1)..]));
        }

        var map = new YamlMappingNode();
        map.Add(new YamlScalarNode(key), argument);
        return map;
    }

    private static YamlNode Untagged(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value),
        YamlSequenceNode q => new YamlSequenceNode(q.Children),
        YamlMappingNode m => new YamlMappingNode(m.Children),
        _ => node,
    };

    private static string KeyText(YamlNode key) => ((YamlScalarNode)key).Value ?? string.Empty;

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => "\"" + (s.Value ?? string.Empty).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        YamlSequenceNode q => $"[sequence of {q.Children.Count}]",
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Keys.Select(KeyText)) + "}",
        _ => node.ToString(),
    };
}

/// <summary>One difference between two templates.</summary>
internal sealed record TreeDifference(string Path, string Expected, string Actual)
{
    public override string ToString() => $"{Path}: {Expected} -> {Actual}";
}
