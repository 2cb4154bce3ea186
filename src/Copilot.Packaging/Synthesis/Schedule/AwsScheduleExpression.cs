namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>
/// Recognizes the expressions the <c>Schedule</c> parameter may hold: <c>cron(...)</c>, <c>rate(...)</c> and <c>none</c>.
/// </summary>
internal static class AwsScheduleExpression
{
    /// <summary>The value that disables the rule.</summary>
    public const string None = "none";

    /// <summary>True when <paramref name="expression"/> is shaped like <c>cron(...)</c> (validity is checked separately).</summary>
    public static bool IsCron(string expression) =>
        expression.StartsWith("cron(", StringComparison.Ordinal) && expression.EndsWith(')');

    /// <summary>True when <paramref name="expression"/> is shaped like <c>rate(...)</c> (validity is checked separately).</summary>
    public static bool IsRate(string expression) =>
        expression.StartsWith("rate(", StringComparison.Ordinal) && expression.EndsWith(')');

    /// <summary>True for <c>none</c> in any letter case.</summary>
    public static bool IsNone(string expression) =>
        string.Equals(expression, None, StringComparison.OrdinalIgnoreCase);

    /// <summary>Validates a <c>cron(...)</c> or <c>rate(...)</c> expression.</summary>
    /// <returns>Null when valid; otherwise what is wrong and what is expected.</returns>
    public static string? Validate(string expression) =>
        IsCron(expression) ? (AwsCronParser.TryParse(expression, out _, out var cronError) ? null : cronError)
        : IsRate(expression) ? (AwsRateExpression.TryParse(expression, out _, out var rateError) ? null : rateError)
        : "expected cron(...), rate(...) or none";
}
