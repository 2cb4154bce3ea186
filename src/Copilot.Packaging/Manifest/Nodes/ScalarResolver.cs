using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>
/// Resolves a scalar's YAML type the way yaml.v3 does for plain scalars: null, booleans (<c>true</c>/<c>false</c> in three
/// spellings), integers (Go's base-prefixed syntax, underscores allowed) and floats; everything quoted is a string.
/// </summary>
internal static partial class ScalarResolver
{
    private const string YamlTagPrefix = "tag:yaml.org,2002:";

    public static ScalarKind Resolve(string? tag, string value, ScalarStyle style)
    {
        if (tag is not null && tag != "!")
        {
            return tag switch
            {
                YamlTagPrefix + "str" => ScalarKind.String,
                YamlTagPrefix + "null" => ScalarKind.Null,
                YamlTagPrefix + "bool" => ScalarKind.Bool,
                YamlTagPrefix + "int" => ScalarKind.Int,
                YamlTagPrefix + "float" => ScalarKind.Float,
                _ when tag.StartsWith(YamlTagPrefix, StringComparison.Ordinal) => ScalarKind.String,
                _ => ScalarKind.Custom,
            };
        }

        if (style != ScalarStyle.Plain || tag == "!")
        {
            return ScalarKind.String;
        }

        return ResolvePlain(value);
    }

    public static ScalarKind ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        var first = value[0];
        if (!(char.IsAsciiDigit(first) || first is '-' or '+' or '.'))
        {
            return ScalarKind.String;
        }

        if (TryParseInteger(value, out _))
        {
            return ScalarKind.Int;
        }

        return FloatPattern().IsMatch(value.Replace("_", string.Empty, StringComparison.Ordinal)) ? ScalarKind.Float : ScalarKind.String;
    }

    /// <summary>Parses an integer in yaml.v3's syntax: optional sign, then decimal, <c>0x</c>, <c>0o</c>, <c>0b</c> or leading-zero octal.</summary>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 80)
        {
            return false;
        }

        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        int radix;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            radix = 16;
            s = s[2..];
        }
        else if (s.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            radix = 8;
            s = s[2..];
        }
        else if (s.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            radix = 2;
            s = s[2..];
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            radix = 8;
            s = s[1..];
        }
        else
        {
            radix = 10;
        }

        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>True when <paramref name="value"/> would read back as a string if written as a plain scalar.</summary>
    public static bool ReadsAsStringWhenPlain(string value) => value.Length > 0 && ResolvePlain(value) == ScalarKind.String;

    /// <summary>Formats an integer for messages.</summary>
    public static string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
