using YamlDotNet.Core;

namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>A YAML scalar: its text, how it was quoted, and what YAML type it resolves to.</summary>
internal sealed class ScalarNode : ManifestNode
{
    public ScalarNode(TextPosition start, string? tag, string value, ScalarStyle style, bool interpolated = false)
        : base(start, tag)
    {
        Value = value;
        Style = style;
        Interpolated = interpolated;
        Kind = ScalarResolver.Resolve(tag, value, style);
    }

    /// <summary>The scalar's text.</summary>
    public string Value { get; }

    /// <summary>How it was written (plain, quoted, literal block...).</summary>
    public ScalarStyle Style { get; }

    /// <summary>True when <c>${VAR}</c> interpolation changed this scalar (binding then reads numbers and booleans from its text).</summary>
    public bool Interpolated { get; }

    /// <summary>The YAML type the scalar resolves to.</summary>
    public ScalarKind Kind { get; }

    /// <summary>True for an explicit or implicit null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => Kind == ScalarKind.Null;

    /// <inheritdoc />
    public override long ExpandedSize => 1;

    /// <inheritdoc />
    public override int Height => 1;

    /// <inheritdoc />
    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => $"the boolean {Quote(Value)}",
        ScalarKind.Int => $"the integer {Quote(Value)}",
        ScalarKind.Float => $"the number {Quote(Value)}",
        ScalarKind.Custom => $"a {Tag} value",
        _ => $"the string {Quote(Value)}",
    };

    private static string Quote(string value)
    {
        var shown = value.Length > 60 ? value[..57] + "..." : value;
        return "\"" + shown.Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }
}
