namespace Copilot.Packaging.Manifest.Nodes;

/// <summary>The YAML type a scalar resolves to, by the rules copilot's YAML library (yaml.v3) uses.</summary>
internal enum ScalarKind
{
    /// <summary>A string (quoted, block, <c>!!str</c>, or plain text that is nothing else).</summary>
    String,

    /// <summary><c>~</c>, <c>null</c>, or an empty plain scalar.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>An integer (decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, or leading-zero octal).</summary>
    Int,

    /// <summary>A floating-point number.</summary>
    Float,

    /// <summary>A scalar with an application tag such as <c>!Ref</c>.</summary>
    Custom,
}
