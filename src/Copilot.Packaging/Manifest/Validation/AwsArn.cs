using System.Text.RegularExpressions;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>Recognises the ARN shapes that secrets and registry credentials may use.</summary>
internal static partial class AwsArn
{
    /// <summary>True when <paramref name="value"/> is written as an ARN (starts with <c>arn:</c>).</summary>
    public static bool LooksLikeArn(string value) => value.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>True for <c>arn:&lt;partition&gt;:ssm:&lt;region&gt;:&lt;account&gt;:parameter/&lt;name&gt;</c>.</summary>
    public static bool IsSsmParameter(string value) => SsmParameterArn().IsMatch(value);

    /// <summary>True for <c>arn:&lt;partition&gt;:secretsmanager:&lt;region&gt;:&lt;account&gt;:secret:&lt;name&gt;</c> (JSON-key suffixes allowed).</summary>
    public static bool IsSecretsManagerSecret(string value) => SecretsManagerArn().IsMatch(value);

    // Partitions: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, ...; regions such as us-east-1 or us-gov-west-1.
    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:ssm:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:parameter/.+$", RegexOptions.CultureInvariant)]
    private static partial Regex SsmParameterArn();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:secretsmanager:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:secret:.+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsManagerArn();
}
