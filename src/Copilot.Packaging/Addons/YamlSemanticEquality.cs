using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// Deep equality of two YAML nodes as CloudFormation reads them: the node kinds, explicit tags (<c>!Ref</c>,
/// <c>!Sub</c>, ...) and scalar texts must match; quoting style, flow/block style, comments, anchor names and the
/// order of keys in a mapping are ignored. Standard YAML tags (<c>!!str</c>) count as no tag, so <c>5</c>,
/// <c>'5'</c> and <c>!!str 5</c> are equal.
/// </summary>
internal static class YamlSemanticEquality
{
    /// <summary>The key whose value is documentation only, ignored by <see cref="EqualIgnoringDescription"/>.</summary>
    public const string DescriptionKey = "Description";

    /// <summary>True when the two nodes are semantically equal.</summary>
    public static bool Equal(YamlNode a, YamlNode b) => NodesEqual(a, b, ignoredTopLevelKey: null);

    /// <summary>
    /// True when the two nodes are equal apart from the value of a top-level <c>Description</c> key in a mapping
    /// (used for parameter and output definitions, where <c>Description</c> is documentation only).
    /// </summary>
    public static bool EqualIgnoringDescription(YamlNode a, YamlNode b) => NodesEqual(a, b, DescriptionKey);

    private static bool NodesEqual(YamlNode a, YamlNode b, string? ignoredTopLevelKey)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!string.Equals(ExplicitTag(a), ExplicitTag(b), StringComparison.Ordinal))
        {
            return false;
        }

        return (a, b) switch
        {
            (YamlScalarNode x, YamlScalarNode y) => string.Equals(x.Value ?? string.Empty, y.Value ?? string.Empty, StringComparison.Ordinal),
            (YamlSequenceNode x, YamlSequenceNode y) => SequencesEqual(x, y),
            (YamlMappingNode x, YamlMappingNode y) => MappingsEqual(x, y, ignoredTopLevelKey),
            _ => false,
        };
    }

    private static bool SequencesEqual(YamlSequenceNode a, YamlSequenceNode b)
    {
        if (a.Children.Count != b.Children.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Children.Count; i++)
        {
            if (!NodesEqual(a.Children[i], b.Children[i], ignoredTopLevelKey: null))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MappingsEqual(YamlMappingNode a, YamlMappingNode b, string? ignoredKey)
    {
        var left = a.Children.Where(p => !IsKey(p.Key, ignoredKey)).ToList();
        var right = b.Children.Where(p => !IsKey(p.Key, ignoredKey)).ToList();
        if (left.Count != right.Count)
        {
            return false;
        }

        // Scalar keys (nearly all keys) are matched through a lookup so large maps compare in linear time.
        var rightByScalarKey = new Dictionary<(string Tag, string Text), YamlNode>();
        var rightOtherKeys = new List<KeyValuePair<YamlNode, YamlNode>>();
        foreach (var pair in right)
        {
            if (pair.Key is YamlScalarNode scalar)
            {
                rightByScalarKey.TryAdd((ExplicitTag(scalar), scalar.Value ?? string.Empty), pair.Value);
            }
            else
            {
                rightOtherKeys.Add(pair);
            }
        }

        foreach (var (key, value) in left)
        {
            YamlNode? match;
            if (key is YamlScalarNode scalar)
            {
                match = rightByScalarKey.GetValueOrDefault((ExplicitTag(scalar), scalar.Value ?? string.Empty));
            }
            else
            {
                var index = rightOtherKeys.FindIndex(p => NodesEqual(p.Key, key, ignoredTopLevelKey: null));
                match = index < 0 ? null : rightOtherKeys[index].Value;
            }

            if (match is null || !NodesEqual(value, match, ignoredTopLevelKey: null))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsKey(YamlNode key, string? name) =>
        name is not null && key is YamlScalarNode { Value: var value } && string.Equals(value, name, StringComparison.Ordinal);

    private static string ExplicitTag(YamlNode node)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific)
        {
            return string.Empty;
        }

        var tag = node.Tag.Value;
        return tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? string.Empty : tag;
    }
}
