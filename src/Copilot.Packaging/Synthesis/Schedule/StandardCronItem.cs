namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>A number or name as written in a cron field, with its value.</summary>
/// <param name="Value">The value (a name is resolved, so <c>MON</c> is 1 in a standard cron).</param>
/// <param name="Text">The text as written, for names; the canonical decimal for numbers.</param>
/// <param name="IsName">True when written as a name such as <c>MON</c> or <c>jan</c>.</param>
internal readonly record struct CronToken(int Value, string Text, bool IsName);

/// <summary>
/// One comma-separated item of a standard cron field: <c>*</c>, <c>5</c>, <c>1-5</c>, each optionally with <c>/step</c>.
/// </summary>
/// <param name="Start">The first value, or null for <c>*</c>/<c>?</c>.</param>
/// <param name="End">The last value of an explicit range <c>a-b</c>; null for a single value or <c>*</c>.</param>
/// <param name="Step">The step; 1 when none was written.</param>
/// <param name="HasStep">True when <c>/step</c> was written (a single value with a step runs to the field maximum).</param>
internal sealed record StandardCronItem(CronToken? Start, CronToken? End, int Step, bool HasStep)
{
    /// <summary>True for <c>*</c> or <c>?</c>, with or without a step.</summary>
    public bool IsWildcard => Start is null;

    /// <summary>
    /// True when the item alone selects every value (<c>*</c>, <c>?</c>, <c>*/1</c>); robfig marks such fields with its
    /// "star bit", which makes day-of-month and day-of-week combine with AND instead of OR.
    /// </summary>
    public bool IsUnrestricted => IsWildcard && Step <= 1;

    /// <summary>The values the item selects, in the numbering of the standard cron (day-of-week 7 stays 7).</summary>
    public IEnumerable<int> Values(StandardCronFieldSpec spec)
    {
        var first = Start?.Value ?? spec.Min;
        var last = End?.Value ?? (Start is null || HasStep ? spec.Max : first);
        for (var value = first; value <= last; value += Step)
        {
            yield return value;
        }
    }
}
