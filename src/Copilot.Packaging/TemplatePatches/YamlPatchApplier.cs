using System.Globalization;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.TemplatePatches;

/// <summary>
/// Applies YAML patches to a template tree in place with copilot's semantics (RFC 6902 <c>add</c>, <c>remove</c>,
/// <c>replace</c>) and copilot's error texts.
/// </summary>
internal static class YamlPatchApplier
{
    /// <summary>Applies one patch.</summary>
    /// <exception cref="CopilotJobException">The patch does not fit the template; located at the patch.</exception>
    public static void Apply(YamlMappingNode template, YamlPatch patch)
    {
        try
        {
            switch (patch.Operation)
            {
                case "add":
                    Add(template, patch);
                    break;
                case "remove":
                    Remove(template, patch);
                    break;
                case "replace":
                    Replace(template, patch);
                    break;
                default:
                    throw new PatchFailure($"unsupported operation \"{patch.Operation}\"", null);
            }
        }
        catch (PatchFailure failure)
        {
            throw new CopilotJobException(
                $"unable to apply the \"{patch.Operation}\" patch at index {patch.Index}: {failure.Message}",
                patch.Location,
                failure.Hint);
        }
    }

    private static void Add(YamlMappingNode template, YamlPatch patch)
    {
        var value = RequiredValue(patch);
        var segments = patch.Path.Segments;
        if (segments.Count == 0)
        {
            ReplaceDocument(template, value);
            return;
        }

        var (parent, parentPointer) = Follow(template, segments.Take(segments.Count - 1));
        var key = segments[^1];
        switch (parent)
        {
            case YamlMappingNode map:
                if (FindKey(map, key) is { } existing)
                {
                    map.Children[existing] = value;
                }
                else
                {
                    map.Add(Cfn.Key(key), value);
                }

                break;
            case YamlSequenceNode sequence when key == "-":
                sequence.Add(value);
                break;
            case YamlSequenceNode sequence:
                sequence.Children.Insert(Index(key, sequence.Children.Count, parentPointer), value);
                break;
            default:
                throw InvalidNodeType(parentPointer);
        }
    }

    private static void Remove(YamlMappingNode template, YamlPatch patch)
    {
        var segments = patch.Path.Segments;
        if (segments.Count == 0)
        {
            throw new PatchFailure("the whole template cannot be removed", "Point path at a key below the template, for example /Resources/<LogicalID>.");
        }

        var (parent, parentPointer) = Follow(template, segments.Take(segments.Count - 1));
        var key = segments[^1];
        switch (parent)
        {
            case YamlMappingNode map:
                map.Children.Remove(FindKey(map, key) ?? throw NotFound(map, key, parentPointer));
                break;
            case YamlSequenceNode sequence:
                sequence.Children.RemoveAt(Index(key, sequence.Children.Count - 1, parentPointer));
                break;
            default:
                throw InvalidNodeType(parentPointer);
        }
    }

    private static void Replace(YamlMappingNode template, YamlPatch patch)
    {
        var value = RequiredValue(patch);
        var segments = patch.Path.Segments;
        if (segments.Count == 0)
        {
            ReplaceDocument(template, value);
            return;
        }

        var (parent, parentPointer) = Follow(template, segments.Take(segments.Count - 1));
        var key = segments[^1];
        switch (parent)
        {
            case YamlMappingNode map:
                map.Children[FindKey(map, key) ?? throw NotFound(map, key, parentPointer)] = value;
                break;
            case YamlSequenceNode sequence:
                sequence.Children[Index(key, sequence.Children.Count - 1, parentPointer)] = value;
                break;
            default:
                throw InvalidNodeType(parentPointer);
        }
    }

    private static YamlNode RequiredValue(YamlPatch patch) =>
        patch.Value is null ? throw new PatchFailure("value required", "Add a value: key to the patch.") : YamlNodeCloner.Clone(patch.Value);

    private static void ReplaceDocument(YamlMappingNode template, YamlNode value)
    {
        if (value is not YamlMappingNode replacement)
        {
            throw new PatchFailure("the template can only be replaced by a map", null);
        }

        template.Children.Clear();
        foreach (var (key, child) in replacement.Children)
        {
            template.Add(key, child);
        }
    }

    private static (YamlNode Node, string Pointer) Follow(YamlMappingNode template, IEnumerable<string> segments)
    {
        YamlNode current = template;
        var traversed = new List<string>();
        foreach (var segment in segments)
        {
            var pointer = JsonPointer.Format(traversed);
            current = current switch
            {
                YamlMappingNode map => map.Children[FindKey(map, segment) ?? throw NotFound(map, segment, pointer)],
                YamlSequenceNode sequence => sequence.Children[Index(segment, sequence.Children.Count - 1, pointer)],
                _ => throw InvalidNodeType(pointer),
            };
            traversed.Add(segment);
        }

        return (current, JsonPointer.Format(traversed));
    }

    private static YamlNode? FindKey(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && string.Equals(v ?? string.Empty, key, StringComparison.Ordinal));

    // Go's strconv.Atoi: an optional sign and decimal digits; maxIndex is the largest index allowed.
    private static int Index(string segment, int maxIndex, string pointer)
    {
        if (!long.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
        {
            throw new PatchFailure(
                $"key \"{pointer}\": expected index in sequence, got \"{segment}\"",
                segment == "-" ? "\"-\" (append) is only allowed as the last segment of an add patch." : null);
        }

        if (index < 0 || index > maxIndex)
        {
            throw new PatchFailure(
                $"key \"{pointer}\": index {index} out of bounds for sequence of length {maxIndex}",
                $"The list at \"{pointer}\" accepts indexes 0 to {maxIndex} here.");
        }

        return (int)index;
    }

    private static PatchFailure NotFound(YamlMappingNode map, string key, string pointer)
    {
        var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToList();
        var hint = keys.Count == 0
            ? $"The map at \"{pointer}\" is empty."
            : $"The map at \"{pointer}\" has the keys: {string.Join(", ", keys)}.";
        return new PatchFailure($"key \"{pointer}\": \"{key}\" not found in map", hint);
    }

    private static PatchFailure InvalidNodeType(string pointer) =>
        new($"key \"{pointer}\": invalid node type scalar", $"\"{pointer}\" is a single value, so it has no keys or items below it.");

    private sealed class PatchFailure(string message, string? hint) : Exception(message)
    {
        public string? Hint { get; } = hint;
    }
}
