using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Yaml;

/// <summary>
/// Builders for CloudFormation template nodes. The template is a YamlDotNet node tree: mappings keep insertion
/// order, scalars keep their tag (<c>!Ref</c>, <c>!Sub</c>, ...) and quoting style, and sequences keep flow or block style.
/// The same tree is written as YAML, compared by the diff and changed by overrides.
/// </summary>
internal static partial class Cfn
{
    /// <summary>A block mapping from key/value pairs, in order; pairs whose value is null are skipped.</summary>
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(Key(key), value);
            }
        }

        return map;
    }

    /// <summary>A block sequence of the given items; null items are skipped.</summary>
    public static YamlSequenceNode List(params YamlNode?[] items) => ListOf(items);

    /// <summary>A block sequence of the given items; null items are skipped.</summary>
    public static YamlSequenceNode ListOf(IEnumerable<YamlNode?> items)
    {
        var seq = new YamlSequenceNode { Style = SequenceStyle.Block };
        foreach (var item in items)
        {
            if (item is not null)
            {
                seq.Add(item);
            }
        }

        return seq;
    }

    /// <summary>A flow sequence (<c>[a, b]</c>) of the given items.</summary>
    public static YamlSequenceNode FlowList(params YamlNode[] items)
    {
        var seq = new YamlSequenceNode(items) { Style = SequenceStyle.Flow };
        return seq;
    }

    /// <summary>A mapping key (plain where YAML allows, quoted otherwise).</summary>
    public static YamlScalarNode Key(string key) => Str(key);

    /// <summary>
    /// A string value. Written plain when that reads back as the same string, otherwise single-quoted
    /// (for example <c>'8080'</c>, <c>'true'</c>, <c>''</c>).
    /// </summary>
    public static YamlScalarNode Str(string value) =>
        new(value) { Style = IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.SingleQuoted };

    /// <summary>A string written single-quoted.</summary>
    public static YamlScalarNode Single(string value) => new(value) { Style = ScalarStyle.SingleQuoted };

    /// <summary>A string written double-quoted.</summary>
    public static YamlScalarNode Double(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>A string written as a literal block (<c>|</c>).</summary>
    public static YamlScalarNode Literal(string value) => new(value) { Style = ScalarStyle.Literal };

    /// <summary>A plain scalar whose text is taken as is (numbers, booleans, dates such as <c>2010-09-09</c>).</summary>
    public static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    /// <summary>An integer.</summary>
    public static YamlScalarNode Int(long value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean, written <c>true</c>/<c>false</c>.</summary>
    public static YamlScalarNode Bool(bool value) => Plain(value ? "true" : "false");

    /// <summary><c>!Ref name</c>.</summary>
    public static YamlScalarNode Ref(string name) => Tagged("!Ref", name);

    /// <summary><c>!Sub 'text'</c> (single-quoted, as CloudFormation authors usually write it).</summary>
    public static YamlScalarNode Sub(string text) => TaggedQuoted("!Sub", text);

    /// <summary><c>!Sub text</c> written plain where YAML allows.</summary>
    public static YamlScalarNode SubPlain(string text) => Tagged("!Sub", text);

    /// <summary><c>!Sub [text, {variables}]</c> in the long form <c>Fn::Sub: [text, {variables}]</c>.</summary>
    public static YamlMappingNode SubWith(string text, YamlMappingNode variables) =>
        Map(("Fn::Sub", List(Str(text), variables)));

    /// <summary><c>!GetAtt Resource.Attribute</c>.</summary>
    public static YamlScalarNode GetAtt(string resource, string attribute) => Tagged("!GetAtt", $"{resource}.{attribute}");

    /// <summary><c>Fn::GetAtt: [Resource, Attribute]</c> (long form).</summary>
    public static YamlMappingNode GetAttLong(string resource, string attribute) =>
        Map(("Fn::GetAtt", FlowList(Str(resource), Str(attribute))));

    /// <summary><c>Fn::ImportValue: value</c> (long form, as a map).</summary>
    public static YamlMappingNode ImportValue(YamlNode value) => Map(("Fn::ImportValue", value));

    /// <summary><c>!Join [separator, [parts]]</c> as a tagged flow sequence.</summary>
    public static YamlSequenceNode Join(string separator, params YamlNode[] parts) =>
        TaggedFlow("!Join", Single(separator), FlowList(parts));

    /// <summary><c>!If [condition, whenTrue, whenFalse]</c> as a tagged block sequence.</summary>
    public static YamlSequenceNode If(string condition, YamlNode whenTrue, YamlNode whenFalse)
    {
        var seq = List(Str(condition), whenTrue, whenFalse);
        seq.Tag = new YamlDotNet.Core.TagName("!If");
        return seq;
    }

    /// <summary><c>!Ref AWS::NoValue</c>.</summary>
    public static YamlScalarNode NoValue() => Ref("AWS::NoValue");

    /// <summary>A scalar carrying a short-form intrinsic tag, written plain where YAML allows.</summary>
    public static YamlScalarNode Tagged(string tag, string value) =>
        new(value) { Tag = new YamlDotNet.Core.TagName(tag), Style = IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.SingleQuoted };

    /// <summary>A scalar carrying a short-form intrinsic tag, written single-quoted.</summary>
    public static YamlScalarNode TaggedQuoted(string tag, string value) =>
        new(value) { Tag = new YamlDotNet.Core.TagName(tag), Style = ScalarStyle.SingleQuoted };

    /// <summary>A flow sequence carrying a short-form intrinsic tag (<c>!Not [..]</c>, <c>!Equals [..]</c>).</summary>
    public static YamlSequenceNode TaggedFlow(string tag, params YamlNode[] items) =>
        new(items) { Tag = new YamlDotNet.Core.TagName(tag), Style = SequenceStyle.Flow };

    /// <summary>
    /// True when <paramref name="value"/> can be written as a plain scalar and reads back as the same string under
    /// the YAML 1.1 and 1.2 core schemas (so it is not taken for a number, boolean, null or date, and has no
    /// characters that need quoting).
    /// </summary>
    public static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || value != value.Trim() || value is "=" or "<<")
        {
            // "=" and "<<" are YAML 1.1's value and merge keys: PyYAML (and so cfn-lint) refuses them plain.
            return false;
        }

        if (NonStringPattern().IsMatch(value))
        {
            return false;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            // A leading indicator is fine only for "-x" / "?x" / ":x" followed by a non-space; keep it simple and quote.
            return false;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    // Numbers (YAML 1.1 and 1.2, including octal/hex/sexagesimal forms), booleans and null in every spelling
    // YAML 1.1 knows, and ISO dates/timestamps.
    [GeneratedRegex(
        @"^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?0[0-7_]+|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NonStringPattern();
}
