namespace Copilot.Packaging.Diff;

/// <summary>One stack parameter value or tag that differs between the deployed and the proposed stack.</summary>
/// <param name="Name">The parameter or tag key.</param>
/// <param name="Kind">How it differs.</param>
/// <param name="OldValue">The deployed value; null when added.</param>
/// <param name="NewValue">The proposed value; null when removed or when the previous value is kept.</param>
/// <param name="Note">For <see cref="ValueChangeKind.Unknown"/>: why the values cannot be compared.</param>
internal sealed record ValueChange(string Name, ValueChangeKind Kind, string? OldValue, string? NewValue, string? Note = null);
