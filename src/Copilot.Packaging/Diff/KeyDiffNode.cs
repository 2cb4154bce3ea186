using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Diff;

/// <summary>
/// A mapping entry whose value differs (for example <c>Timeout</c> under a resource's <c>Properties</c>).
/// The document itself is the key node with an empty <see cref="Key"/>.
/// </summary>
internal sealed class KeyDiffNode : DiffNode
{
    private KeyDiffNode(string key, YamlNode? oldValue, YamlNode? newValue, IReadOnlyList<DiffNode> children)
        : base(oldValue, newValue, children)
    {
        Key = key;
    }

    /// <summary>The mapping key, as text.</summary>
    public string Key { get; }

    internal static KeyDiffNode Leaf(string key, YamlNode? oldValue, YamlNode? newValue) => new(key, oldValue, newValue, []);

    internal static KeyDiffNode Branch(string key, IReadOnlyList<DiffNode> children) => new(key, null, null, children);
}
