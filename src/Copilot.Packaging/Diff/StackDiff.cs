namespace Copilot.Packaging.Diff;

/// <summary>
/// The result of <c>--diff</c>: the template differences and, beyond copilot, the parameter-value and tag differences.
/// The host prints <see cref="ToText"/>; <see cref="HasChanges"/> decides its exit code.
/// </summary>
internal sealed class StackDiff
{
    /// <summary>The text printed when nothing differs.</summary>
    public const string NoChangesText = "No changes.\n";

    /// <summary>Combines the two comparisons.</summary>
    /// <param name="template">The template differences.</param>
    /// <param name="parameters">The parameter-value and tag differences; none when null.</param>
    public StackDiff(DiffTree template, ParameterDiff? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        Parameters = parameters ?? ParameterDiff.Empty;
    }

    /// <summary>The template differences.</summary>
    public DiffTree Template { get; }

    /// <summary>The parameter-value and tag differences.</summary>
    public ParameterDiff Parameters { get; }

    /// <summary>True when the template, a parameter value or a tag differs.</summary>
    public bool HasChanges => Template.HasChanges || Parameters.HasChanges;

    /// <summary>
    /// The full text: <c>No changes.</c> when nothing differs (followed by any parameter values that could not be
    /// compared), otherwise the template diff followed by the parameter and tag sections. Ends with a newline.
    /// </summary>
    /// <param name="options">Colour settings; plain text when null.</param>
    /// <returns>The text to print.</returns>
    public string ToText(DiffWriteOptions? options = null)
    {
        var parameters = Parameters.HasEntries ? DiffTextWriter.Write(Parameters, options) : string.Empty;
        return HasChanges
            ? DiffTextWriter.Write(Template, options) + parameters
            : NoChangesText + parameters;
    }
}
