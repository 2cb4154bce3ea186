namespace Copilot.Packaging.Addons;

/// <summary>A top-level template section kept when addons files are merged.</summary>
/// <param name="Name">The section key (<c>Resources</c>).</param>
/// <param name="EntryWord">How copilot names one entry of the section in a conflict message (<c>resource</c>).</param>
internal sealed record AddonsSection(string Name, string EntryWord)
{
    public static readonly AddonsSection Metadata = new("Metadata", "metadata key");
    public static readonly AddonsSection Parameters = new("Parameters", "parameter logical ID");
    public static readonly AddonsSection Mappings = new("Mappings", "mapping");
    public static readonly AddonsSection Conditions = new("Conditions", "condition");
    public static readonly AddonsSection Transform = new("Transform", "transform");
    public static readonly AddonsSection Resources = new("Resources", "resource");
    public static readonly AddonsSection Outputs = new("Outputs", "output");

    /// <summary>The kept sections, in the order they are written in the merged template.</summary>
    public static IReadOnlyList<AddonsSection> All { get; } = [Metadata, Parameters, Mappings, Conditions, Transform, Resources, Outputs];

    /// <summary>True for sections whose entries carry a documentation-only <c>Description</c>.</summary>
    public bool HasDescriptiveEntries => this == Parameters || this == Outputs;
}
