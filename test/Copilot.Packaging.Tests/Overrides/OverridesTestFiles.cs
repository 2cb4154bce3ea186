using System.IO.Abstractions;
using Copilot.Packaging.TemplatePatches;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Overrides;

/// <summary>An overrides directory in a real temp folder, loaded through <see cref="WorkloadOverrides"/>.</summary>
internal sealed class OverridesTestFiles : IDisposable
{
    public const string Display = "copilot/mailer/overrides";

    private readonly TempDirectory _root = new();

    public string Directory => Path.Combine(_root.Path, "copilot", "mailer", "overrides");

    public OverridesTestFiles Write(string name, string content)
    {
        _root.Write(Path.Combine("copilot", "mailer", "overrides", name), content);
        return this;
    }

    public OverridesTestFiles Patches(string content) => Write(WorkloadOverrides.PatchFileName, content);

    public WorkloadOverrides? Load() => WorkloadOverrides.Load(new FileSystem(), Directory, Display);

    /// <summary>Loads the patches and applies them to <paramref name="templateText"/>, returning the written result.</summary>
    public string Apply(string templateText)
    {
        var template = Template(templateText);
        (Load() ?? throw new AssertionException("expected overrides")).Apply(template);
        return YamlTextWriter.Write(template);
    }

    public static YamlMappingNode Template(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public void Dispose() => _root.Dispose();
}
