namespace Copilot.Packaging.Synthesis.Schedule;

/// <summary>One parsed field of a standard 5-field cron.</summary>
/// <param name="Spec">The field's bounds.</param>
/// <param name="Text">The field as written.</param>
/// <param name="Items">The comma-separated items, in order.</param>
internal sealed record StandardCronField(StandardCronFieldSpec Spec, string Text, IReadOnlyList<StandardCronItem> Items)
{
    /// <summary>True when the field does not restrict anything (robfig's star bit: some item is <c>*</c>, <c>?</c> or <c>*/1</c>).</summary>
    public bool IsUnrestricted => Items.Any(i => i.IsUnrestricted);
}
