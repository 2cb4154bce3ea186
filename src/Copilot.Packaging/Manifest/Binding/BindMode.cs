namespace Copilot.Packaging.Manifest.Binding;

/// <summary>What is being bound: a whole manifest, or one <c>environments.&lt;env&gt;</c> block on its own.</summary>
internal enum BindMode
{
    /// <summary>A whole manifest (before or after the override).</summary>
    Document,

    /// <summary>An override block, checked on its own the way copilot decodes it.</summary>
    Override,
}
