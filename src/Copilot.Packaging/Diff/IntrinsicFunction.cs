using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Recognises CloudFormation intrinsic function calls written in either form: the short tag (<c>!Sub x</c>) or the
/// full single-key mapping (<c>Fn::Sub: x</c>, <c>Ref: x</c>, <c>Condition: x</c>).
/// </summary>
internal static class IntrinsicFunction
{
    // The functions whose two forms the diff treats as the same call.
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "Ref", "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
        "Transform", "Condition", "And", "Equals", "If", "Not", "Or",
    };

    /// <summary>The function's name (<c>Sub</c>, <c>Ref</c>, ...) when <paramref name="node"/> calls one; otherwise null.</summary>
    public static string? NameOf(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            if (map.Children.Count != 1)
            {
                return null;
            }

            var key = (map.Children.First().Key as YamlScalarNode)?.Value;
            return FullFormName(key);
        }

        if (!YamlNodes.HasTag(node))
        {
            return null;
        }

        var tag = node.Tag.Value;
        return tag.StartsWith('!') && Names.Contains(tag[1..]) ? tag[1..] : null;
    }

    /// <summary>True when <paramref name="node"/> is the full (mapping) form of a recognised function.</summary>
    public static bool IsFullForm(YamlNode node) => node is YamlMappingNode && NameOf(node) is not null;

    /// <summary>The key and argument of a full-form call (<c>Fn::Sub: x</c> gives <c>("Fn::Sub", x)</c>).</summary>
    public static (string Key, YamlNode Argument) FullFormParts(YamlMappingNode call)
    {
        var (key, value) = call.Children.First();
        return (((YamlScalarNode)key).Value ?? string.Empty, value);
    }

    private static string? FullFormName(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var name = key.StartsWith("Fn::", StringComparison.Ordinal) ? key[4..] : key;
        var isFnName = key.StartsWith("Fn::", StringComparison.Ordinal) && name is not ("Ref" or "Condition");
        var isBareName = key is "Ref" or "Condition";
        return (isFnName || isBareName) && Names.Contains(name) ? name : null;
    }
}
