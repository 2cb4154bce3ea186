using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Diff;

/// <summary>
/// Beyond copilot (which compares templates only): the differences in stack parameter values and stack tags.
/// </summary>
/// <remarks>
/// <para>Written by <see cref="DiffTextWriter.Write(ParameterDiff, DiffWriteOptions?)"/> after the template diff as two sections,
/// each only when it has entries; names are in UTF-8 byte order:</para>
/// <code>
/// Parameter values:
///     ~ TaskCPU: 256 -> 512
///     + NewParameter: value
///     - OldParameter: value
///     ? DbPassword: the deployed value is hidden (NoEcho), so it cannot be compared
/// Tags:
///     ~ owner: team-a -> team-b
/// </code>
/// <para>The section headers have no prefix, so they cannot be mistaken for the template's own <c>~ Parameters:</c> key.
/// Values are written as they are, except an empty value (<c>""</c>) and values with line breaks, control characters
/// or surrounding spaces, which are written as JSON strings. A deployed value of <c>****</c> is CloudFormation's mask
/// for a <c>NoEcho</c> parameter: it is reported with <c>?</c> and does not count as a change. A parameter that keeps
/// its previous value (<c>UsePreviousValue</c>) is unchanged by definition and not listed, unless the deployed stack
/// lacks it (<c>?</c> again).</para>
/// </remarks>
internal sealed class ParameterDiff
{
    /// <summary>The value CloudFormation shows instead of a <c>NoEcho</c> parameter's value.</summary>
    public const string MaskedValue = "****";

    private ParameterDiff(IReadOnlyList<ValueChange> parameters, IReadOnlyList<ValueChange> tags)
    {
        Parameters = parameters;
        Tags = tags;
    }

    /// <summary>No differences.</summary>
    public static ParameterDiff Empty { get; } = new([], []);

    /// <summary>Parameter values that differ (and those that cannot be compared), in name order.</summary>
    public IReadOnlyList<ValueChange> Parameters { get; }

    /// <summary>Stack tags that differ, in key order.</summary>
    public IReadOnlyList<ValueChange> Tags { get; }

    /// <summary>True when a parameter value or tag was added, removed or modified (<see cref="ValueChangeKind.Unknown"/> does not count).</summary>
    public bool HasChanges => Parameters.Concat(Tags).Any(c => c.Kind != ValueChangeKind.Unknown);

    /// <summary>True when there is anything to report, changes or values that cannot be compared.</summary>
    public bool HasEntries => Parameters.Count > 0 || Tags.Count > 0;

    /// <summary>Compares the deployed stack's parameter values and tags with the proposed ones.</summary>
    /// <param name="deployedParameters">Parameter values of the deployed stack (empty when there is no stack); masked values are <c>****</c>.</param>
    /// <param name="deployedTags">Tags of the deployed stack.</param>
    /// <param name="proposedParameters">Parameter values that would be deployed (the template configuration).</param>
    /// <param name="proposedTags">Tags that would be deployed.</param>
    /// <param name="keepPreviousValue">Names of parameters that would be sent with <c>UsePreviousValue</c> instead of a value.</param>
    /// <returns>The differences.</returns>
    public static ParameterDiff Compare(
        IReadOnlyDictionary<string, string> deployedParameters,
        IReadOnlyDictionary<string, string> deployedTags,
        IReadOnlyDictionary<string, string> proposedParameters,
        IReadOnlyDictionary<string, string> proposedTags,
        IReadOnlySet<string>? keepPreviousValue = null)
    {
        ArgumentNullException.ThrowIfNull(deployedParameters);
        ArgumentNullException.ThrowIfNull(deployedTags);
        ArgumentNullException.ThrowIfNull(proposedParameters);
        ArgumentNullException.ThrowIfNull(proposedTags);
        keepPreviousValue ??= new HashSet<string>();

        var parameters = new List<ValueChange>();
        foreach (var name in SortedUnion(deployedParameters.Keys, proposedParameters.Keys.Concat(keepPreviousValue)))
        {
            var deployed = deployedParameters.GetValueOrDefault(name);
            if (keepPreviousValue.Contains(name))
            {
                if (deployed is null)
                {
                    parameters.Add(new ValueChange(name, ValueChangeKind.Unknown, null, null, "keeps its previous value, but the deployed stack has none"));
                }

                continue;
            }

            var proposed = proposedParameters.GetValueOrDefault(name);
            if (deployed == MaskedValue && proposed is not null)
            {
                parameters.Add(new ValueChange(name, ValueChangeKind.Unknown, deployed, proposed, "the deployed value is hidden (NoEcho), so it cannot be compared"));
                continue;
            }

            AddChange(parameters, name, deployed, proposed);
        }

        var tags = new List<ValueChange>();
        foreach (var name in SortedUnion(deployedTags.Keys, proposedTags.Keys))
        {
            AddChange(tags, name, deployedTags.GetValueOrDefault(name), proposedTags.GetValueOrDefault(name));
        }

        return new ParameterDiff(parameters, tags);
    }

    private static void AddChange(List<ValueChange> changes, string name, string? deployed, string? proposed)
    {
        if (deployed is null && proposed is not null)
        {
            changes.Add(new ValueChange(name, ValueChangeKind.Added, null, proposed));
        }
        else if (deployed is not null && proposed is null)
        {
            changes.Add(new ValueChange(name, ValueChangeKind.Removed, deployed, null));
        }
        else if (!string.Equals(deployed, proposed, StringComparison.Ordinal))
        {
            changes.Add(new ValueChange(name, ValueChangeKind.Modified, deployed, proposed));
        }
    }

    private static SortedSet<string> SortedUnion(IEnumerable<string> first, IEnumerable<string> second)
    {
        var names = new SortedSet<string>(first, Utf8OrdinalComparer.Instance);
        names.UnionWith(second);
        return names;
    }
}
