using Copilot.Packaging.Conversions;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Compares a deployed CloudFormation template with a proposed one, the way <c>copilot job package --diff</c> does.
/// </summary>
/// <remarks>
/// <para>Rules, in the order they are tried for each pair of values:</para>
/// <list type="number">
/// <item><c>Metadata.Manifest</c> at the top level of the document is ignored (copilot embeds the manifest text there).</item>
/// <item>Two calls of <c>GetAtt</c> compare their arguments, with <c>a.b.c</c> read as <c>[a, b.c]</c> when the other side is a list.</item>
/// <item>The short form (<c>!Sub x</c>) and the full form (<c>Fn::Sub: x</c>) of the same function compare their arguments.</item>
/// <item>Otherwise: a missing side or a different node kind is a change; scalars are equal when their text is
/// (quoting, tags and number-vs-string spelling do not count; <c>true</c>/<c>True</c>/<c>TRUE</c> are the same boolean);
/// mappings are compared key by key in UTF-8 byte order; sequences are aligned by their longest common subsequence.</item>
/// </list>
/// </remarks>
internal static class TemplateDiffer
{
    private static readonly HashSet<string> BooleanSpellings = new(StringComparer.Ordinal)
    {
        "true", "True", "TRUE", "false", "False", "FALSE",
    };

    /// <summary>Compares two parsed templates (see <see cref="CloudFormationTemplateParser.Parse"/>).</summary>
    /// <param name="deployed">The deployed template, or null when the stack does not exist yet.</param>
    /// <param name="proposed">The template that would be deployed, or null when it is empty.</param>
    /// <returns>The differences; empty when both are missing or equal.</returns>
    public static DiffTree Compare(YamlNode? deployed, YamlNode? proposed)
    {
        deployed = IsEmptyDocument(deployed) ? null : deployed;
        proposed = IsEmptyDocument(proposed) ? null : proposed;
        if (deployed is null && proposed is null)
        {
            return DiffTree.Empty;
        }

        var root = CompareValues(deployed, proposed, string.Empty, Scope.Document);
        return root is null ? DiffTree.Empty : new DiffTree((KeyDiffNode)root);
    }

    private static bool IsEmptyDocument(YamlNode? node) =>
        node is null || (node is YamlScalarNode { Value: null or "" } scalar && !YamlNodes.HasTag(scalar));

    private static DiffNode? CompareValues(YamlNode? oldValue, YamlNode? newValue, string key, Scope scope)
    {
        if (oldValue is not null && newValue is not null)
        {
            if (IsGetAttPair(oldValue, newValue))
            {
                return CompareGetAtt(oldValue, newValue, key);
            }

            if (IsShortAndFullFormPair(oldValue, newValue))
            {
                return CompareShortAndFullForm(oldValue, newValue, key);
            }
        }

        if (oldValue is null || newValue is null || oldValue.NodeType != newValue.NodeType)
        {
            return KeyDiffNode.Leaf(key, oldValue, newValue);
        }

        if (YamlNodes.IsLeafValue(oldValue) && YamlNodes.IsLeafValue(newValue))
        {
            return SameLeafValue(oldValue, newValue) ? null : KeyDiffNode.Leaf(key, oldValue, newValue);
        }

        var children = oldValue switch
        {
            YamlMappingNode oldMap => CompareMappings(oldMap, (YamlMappingNode)newValue, scope),
            YamlSequenceNode oldSeq => CompareSequences(oldSeq, (YamlSequenceNode)newValue),
            _ => [],
        };
        return children.Count == 0 ? null : KeyDiffNode.Branch(key, children);
    }

    private static bool SameLeafValue(YamlNode oldValue, YamlNode newValue)
    {
        if (oldValue is not YamlScalarNode oldScalar || newValue is not YamlScalarNode newScalar)
        {
            return true; // Two empty collections of the same kind.
        }

        var oldText = oldScalar.Value ?? string.Empty;
        var newText = newScalar.Value ?? string.Empty;
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return true;
        }

        // Beyond copilot: an unquoted True and a JSON true are the same boolean, not a change.
        return IsUnquotedBoolean(oldScalar) && IsUnquotedBoolean(newScalar)
            && string.Equals(oldText, newText, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsUnquotedBoolean(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && !YamlNodes.HasTag(scalar)
        && BooleanSpellings.Contains(scalar.Value ?? string.Empty);

    private static List<DiffNode> CompareMappings(YamlMappingNode oldMap, YamlMappingNode newMap, Scope scope)
    {
        var oldEntries = EntriesByKey(oldMap);
        var newEntries = EntriesByKey(newMap);
        var keys = new SortedSet<string>(oldEntries.Keys, Utf8OrdinalComparer.Instance);
        keys.UnionWith(newEntries.Keys);

        var children = new List<DiffNode>();
        foreach (var key in keys)
        {
            // Copilot arms this rule at the first key named Metadata it meets and then ignores every later key named
            // Manifest, wherever it is; the intent is the top-level Metadata.Manifest, so that is exactly what is skipped here.
            if (scope == Scope.TopLevelMetadata && key == "Manifest")
            {
                continue;
            }

            var childScope = scope == Scope.Document && key == "Metadata" ? Scope.TopLevelMetadata : Scope.Nested;
            var child = CompareValues(oldEntries.GetValueOrDefault(key), newEntries.GetValueOrDefault(key), key, childScope);
            if (child is not null)
            {
                children.Add(child);
            }
        }

        return children;
    }

    private static Dictionary<string, YamlNode> EntriesByKey(YamlMappingNode map)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            entries[KeyText(key)] = value;
        }

        return entries;
    }

    private static string KeyText(YamlNode key) =>
        key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : DiffYamlWriter.Inline(key);

    private static List<DiffNode> CompareSequences(YamlSequenceNode oldSeq, YamlSequenceNode newSeq)
    {
        var oldItems = oldSeq.Children;
        var newItems = newSeq.Children;
        var cache = new DiffNode?[oldItems.Count, newItems.Count];
        var computed = new bool[oldItems.Count, newItems.Count];

        DiffNode? ItemDiff(int i, int j)
        {
            if (!computed[i, j])
            {
                cache[i, j] = CompareValues(oldItems[i], newItems[j], string.Empty, Scope.Nested);
                computed[i, j] = true;
            }

            return cache[i, j];
        }

        var common = LongestCommonSubsequence.Find(oldItems.Count, newItems.Count, (i, j) => ItemDiff(i, j) is null);
        var children = new List<DiffNode>();
        var hasChange = false;
        var unchanged = 0;

        void AddChange(DiffNode change)
        {
            if (unchanged > 0)
            {
                children.Add(new UnchangedItemsDiffNode(unchanged));
                unchanged = 0;
            }

            children.Add(change);
            hasChange = true;
        }

        int oldIndex = 0, newIndex = 0, commonIndex = 0;
        while (oldIndex < oldItems.Count || newIndex < newItems.Count)
        {
            var next = commonIndex < common.Count ? common[commonIndex] : (Old: oldItems.Count, New: newItems.Count);
            var oldBehind = oldIndex < next.Old;
            var newBehind = newIndex < next.New;
            if (!oldBehind && !newBehind)
            {
                unchanged++;
                commonIndex++;
                oldIndex++;
                newIndex++;
            }
            else if (oldBehind && newBehind)
            {
                // Both sides move on without a match: the item was modified in place.
                var diff = ItemDiff(oldIndex, newIndex);
                if (diff is null)
                {
                    unchanged++;
                }
                else
                {
                    AddChange(ItemDiffNode.From(diff));
                }

                oldIndex++;
                newIndex++;
            }
            else if (oldBehind)
            {
                AddChange(ItemDiffNode.Leaf(oldItems[oldIndex], null));
                oldIndex++;
            }
            else
            {
                AddChange(ItemDiffNode.Leaf(null, newItems[newIndex]));
                newIndex++;
            }
        }

        if (!hasChange)
        {
            return [];
        }

        if (unchanged > 0)
        {
            children.Add(new UnchangedItemsDiffNode(unchanged));
        }

        return children;
    }

    private static bool IsGetAttPair(YamlNode oldValue, YamlNode newValue) =>
        IntrinsicFunction.NameOf(oldValue) == "GetAtt" && IntrinsicFunction.NameOf(newValue) == "GetAtt"
        && GetAttArgument(oldValue) is YamlScalarNode or YamlSequenceNode
        && GetAttArgument(newValue) is YamlScalarNode or YamlSequenceNode;

    private static YamlNode GetAttArgument(YamlNode call) =>
        call is YamlMappingNode map ? IntrinsicFunction.FullFormParts(map).Argument : call;

    private static DiffNode? CompareGetAtt(YamlNode oldValue, YamlNode newValue, string key)
    {
        var oldArgument = GetAttArgument(oldValue);
        var newArgument = GetAttArgument(newValue);
        if (oldArgument.NodeType != newArgument.NodeType)
        {
            oldArgument = oldArgument is YamlScalarNode oldScalar ? SplitGetAtt(oldScalar) : oldArgument;
            newArgument = newArgument is YamlScalarNode newScalar ? SplitGetAtt(newScalar) : newArgument;
        }

        var diff = CompareValues(YamlNodes.WithoutTag(oldArgument), YamlNodes.WithoutTag(newArgument), "Fn::GetAtt", Scope.Nested);
        return diff is null ? null : KeyDiffNode.Branch(key, [diff]);
    }

    // "Resource.Attribute.Sub" is the list [Resource, Attribute.Sub]: split at the first dot.
    private static YamlSequenceNode SplitGetAtt(YamlScalarNode argument)
    {
        var text = argument.Value ?? string.Empty;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var parts = dot < 0 ? [text] : new[] { text[..dot], text[(dot + 1)..] };
        return new YamlSequenceNode(parts.Select(p => (YamlNode)new YamlScalarNode(p))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
    }

    private static bool IsShortAndFullFormPair(YamlNode oldValue, YamlNode newValue)
    {
        var name = IntrinsicFunction.NameOf(oldValue);
        return name is not null
            && name == IntrinsicFunction.NameOf(newValue)
            && (oldValue is YamlMappingNode) != (newValue is YamlMappingNode);
    }

    private static DiffNode? CompareShortAndFullForm(YamlNode oldValue, YamlNode newValue, string key)
    {
        DiffNode? diff;
        if (oldValue is YamlMappingNode oldCall)
        {
            var (fullKey, argument) = IntrinsicFunction.FullFormParts(oldCall);
            diff = CompareValues(argument, YamlNodes.WithoutTag(newValue), fullKey, Scope.Nested);
        }
        else
        {
            var (fullKey, argument) = IntrinsicFunction.FullFormParts((YamlMappingNode)newValue);
            diff = CompareValues(YamlNodes.WithoutTag(oldValue), argument, fullKey, Scope.Nested);
        }

        return diff is null ? null : KeyDiffNode.Branch(key, [diff]);
    }

    private enum Scope
    {
        Document,
        TopLevelMetadata,
        Nested,
    }
}
