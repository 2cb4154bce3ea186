using Copilot.Packaging.Errors;
using Copilot.Packaging.Yaml;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Addons;

/// <summary>
/// Merges addons template files, in the order they are added, into one template holding only the kept sections
/// (<see cref="AddonsSection.All"/>). An entry defined in several files must be defined the same way in each
/// (<see cref="YamlSemanticEquality"/>); Mappings are merged two levels deep; transforms are collected without repeats.
/// </summary>
/// <remarks>
/// Unlike copilot, a parameter or output defined in two files whose definitions differ only in their
/// <c>Description</c> is not a conflict (aws/copilot-cli#4804, #4882: copilot's own generated files disagreed on
/// descriptions): the first file's definition is kept and a warning names both places.
/// </remarks>
internal sealed class AddonsTemplateMerger
{
    private readonly Dictionary<AddonsSection, OrderedDictionary<string, Entry>> _sections = [];
    private readonly Dictionary<string, DefinitionOrigin> _mappingEntries = new(StringComparer.Ordinal);
    private readonly List<YamlNode> _transforms = [];
    private readonly List<Diagnostic> _warnings = [];
    private bool _singleScalarTransform;

    /// <summary>Warnings about definitions that differ only in documentation.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>Merges one file into the template.</summary>
    /// <exception cref="CopilotJobException">The file conflicts with an earlier one, or a section has the wrong shape.</exception>
    public void Add(AddonsTemplateFile file)
    {
        if (file.Root is null)
        {
            return;
        }

        foreach (var (keyNode, value) in file.Root.Children)
        {
            var section = AddonsSection.All.FirstOrDefault(s => keyNode is YamlScalarNode { Value: var k } && k == s.Name);
            if (section is null || BoundedYamlLoader.IsNull(value))
            {
                continue;
            }

            if (section == AddonsSection.Transform)
            {
                AddTransforms(file, value);
                continue;
            }

            var map = value as YamlMappingNode
                ?? throw new CopilotJobException(
                    $"{section.Name} in \"{file.FileName}\" must be a map of logical IDs to definitions",
                    BoundedYamlLoader.At(file.DisplayPath, value.Start));
            foreach (var (entryKey, entryValue) in map.Children)
            {
                var name = KeyText(file, entryKey);
                if (section == AddonsSection.Mappings)
                {
                    AddMapping(file, entryKey, name, entryValue);
                }
                else
                {
                    AddEntry(section, file, entryKey, name, entryValue);
                }
            }
        }
    }

    /// <summary>The merged template: kept sections in order, empty ones left out, <c>Resources</c> always present.</summary>
    public YamlMappingNode Build()
    {
        var root = new YamlMappingNode();
        foreach (var section in AddonsSection.All)
        {
            if (section == AddonsSection.Transform)
            {
                if (_transforms.Count > 0)
                {
                    root.Add(Cfn.Key(section.Name), _singleScalarTransform && _transforms.Count == 1 ? _transforms[0] : Cfn.ListOf(_transforms));
                }

                continue;
            }

            var entries = _sections.GetValueOrDefault(section);
            if (entries is null && section != AddonsSection.Resources)
            {
                continue;
            }

            var map = new YamlMappingNode();
            foreach (var entry in entries?.Values ?? Enumerable.Empty<Entry>())
            {
                map.Add(entry.Key, entry.Output);
            }

            if (map.Children.Count == 0)
            {
                map.Style = MappingStyle.Flow;
            }

            root.Add(Cfn.Key(section.Name), map);
        }

        return root;
    }

    /// <summary>The display path of the file each entry of <paramref name="section"/> was first defined in, by name.</summary>
    public IReadOnlyDictionary<string, string> FilesOf(AddonsSection section) =>
        _sections.GetValueOrDefault(section)?.ToDictionary(e => e.Key, e => e.Value.Origin.File.DisplayPath, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where a top-level entry (<c>Parameters</c> / <c>App</c>) was first defined, if anywhere.</summary>
    public DefinitionOrigin? OriginOf(AddonsSection section, string name) =>
        _sections.GetValueOrDefault(section)?.GetValueOrDefault(name)?.Origin;

    private void AddEntry(AddonsSection section, AddonsTemplateFile file, YamlNode key, string name, YamlNode value)
    {
        if (!_sections.TryGetValue(section, out var entries))
        {
            entries = new OrderedDictionary<string, Entry>(StringComparer.Ordinal);
            _sections[section] = entries;
        }

        if (!entries.TryGetValue(name, out var existing))
        {
            entries[name] = new Entry(key, new DefinitionOrigin(file, value), value);
            return;
        }

        Compare(section, name, existing.Origin, new DefinitionOrigin(file, value));
    }

    private void AddMapping(AddonsTemplateFile file, YamlNode key, string name, YamlNode value)
    {
        if (!_sections.TryGetValue(AddonsSection.Mappings, out var entries))
        {
            entries = new OrderedDictionary<string, Entry>(StringComparer.Ordinal);
            _sections[AddonsSection.Mappings] = entries;
        }

        if (!entries.TryGetValue(name, out var existing))
        {
            // The merged mapping is a fresh node so later files can add second-level keys without touching the file's tree.
            var merged = value is YamlMappingNode m ? new YamlMappingNode(m.Children) { Tag = m.Tag } : value;
            entries[name] = new Entry(key, new DefinitionOrigin(file, value), merged);
            RememberSecondLevel(file, name, value);
            return;
        }

        if (existing.Output is not YamlMappingNode mergedMap || value is not YamlMappingNode newMap)
        {
            Compare(AddonsSection.Mappings, name, existing.Origin, new DefinitionOrigin(file, value));
            return;
        }

        foreach (var (secondKey, secondValue) in newMap.Children)
        {
            var secondName = $"{name}.{KeyText(file, secondKey)}";
            if (_mappingEntries.TryGetValue(secondName, out var first))
            {
                Compare(AddonsSection.Mappings, secondName, first, new DefinitionOrigin(file, secondValue));
                continue;
            }

            mergedMap.Add(secondKey, secondValue);
            _mappingEntries[secondName] = new DefinitionOrigin(file, secondValue);
        }
    }

    private void RememberSecondLevel(AddonsTemplateFile file, string name, YamlNode value)
    {
        if (value is not YamlMappingNode map)
        {
            return;
        }

        foreach (var (secondKey, secondValue) in map.Children)
        {
            _mappingEntries[$"{name}.{KeyText(file, secondKey)}"] = new DefinitionOrigin(file, secondValue);
        }
    }

    private void Compare(AddonsSection section, string name, DefinitionOrigin first, DefinitionOrigin second)
    {
        if (YamlSemanticEquality.Equal(first.Value, second.Value))
        {
            return;
        }

        if (section.HasDescriptiveEntries && YamlSemanticEquality.EqualIgnoringDescription(first.Value, second.Value))
        {
            _warnings.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                $"{section.EntryWord} \"{name}\" defined in {first.Describe()} has a different Description than in {second.Describe()}; the definition from \"{first.File.FileName}\" is kept",
                second.Location));
            return;
        }

        throw new CopilotJobException(
            $"{section.EntryWord} \"{name}\" defined in {first.Describe()} is different than in {second.Describe()}",
            second.Location,
            $"The first definition is at {first.Location}. Define {section.EntryWord} \"{name}\" the same way in both files, or give one of them another name.");
    }

    private void AddTransforms(AddonsTemplateFile file, YamlNode value)
    {
        var isFirst = _transforms.Count == 0;
        IEnumerable<YamlNode> items = value switch
        {
            YamlSequenceNode sequence => sequence.Children,
            // A single macro: its name, or a map such as {Name: AWS::Include, Parameters: {Location: ...}}.
            YamlScalarNode or YamlMappingNode => [value],
            _ => throw new CopilotJobException(
                $"Transform in \"{file.FileName}\" must be a macro name, a macro map (Name and Parameters) or a list of them",
                BoundedYamlLoader.At(file.DisplayPath, value.Start)),
        };
        foreach (var item in items)
        {
            if (!_transforms.Exists(t => YamlSemanticEquality.Equal(t, item)))
            {
                _transforms.Add(item);
            }
        }

        if (isFirst)
        {
            _singleScalarTransform = value is not YamlSequenceNode;
        }
    }

    private static string KeyText(AddonsTemplateFile file, YamlNode key) =>
        key is YamlScalarNode { Value: { } text }
            ? text
            : throw new CopilotJobException(
                $"keys in \"{file.FileName}\" must be plain names, not collections",
                BoundedYamlLoader.At(file.DisplayPath, key.Start));

    private sealed record Entry(YamlNode Key, DefinitionOrigin Origin, YamlNode Output);
}
