namespace Copilot.Packaging.Manifest.Model;

/// <summary>An environment variable's value: a plain string, or an import of another stack's export.</summary>
/// <param name="Value">The plain value (any scalar, as text); null when <paramref name="FromCfn"/> is set.</param>
/// <param name="FromCfn">The export name to import (<c>from_cfn</c>); null for a plain value.</param>
internal sealed record VariableValue(string? Value, string? FromCfn = null)
{
    /// <summary>A plain value.</summary>
    public static VariableValue Plain(string value) => new(value);

    /// <summary>An imported value.</summary>
    public static VariableValue Import(string exportName) => new(null, exportName);
}

/// <summary>A secret's source: an SSM parameter name or ARN, an export name, or a Secrets Manager secret name.</summary>
/// <param name="Value">The SSM parameter name or secret ARN, as written.</param>
/// <param name="FromCfn">The export name (<c>from_cfn</c>).</param>
/// <param name="SecretsManager">The Secrets Manager secret name (<c>secretsmanager</c>).</param>
internal sealed record SecretValue(string? Value, string? FromCfn = null, string? SecretsManager = null)
{
    /// <summary>An SSM parameter name or ARN.</summary>
    public static SecretValue Plain(string value) => new(value);

    /// <summary>An imported value.</summary>
    public static SecretValue Import(string exportName) => new(null, exportName);

    /// <summary>A Secrets Manager secret by name.</summary>
    public static SecretValue FromSecretsManager(string name) => new(null, null, name);
}
