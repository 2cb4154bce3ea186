using System.Text;
using Copilot.Packaging.Yaml;
using Copilot.Testing;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Yaml;

/// <summary>
/// <see cref="TreeEmitter"/> writes what YamlDotNet's emitter writes, byte for byte: on every YAML document in the
/// repository (golden templates, params, addons, manifests, the example), parsed with their styles and tags, and on
/// generated trees that mix every scalar style, tags, flow and block collections, empty ones, long and multi-line keys
/// and strings made of line breaks, blanks, quotes, indicators and non-printable characters.
/// </summary>
public sealed class TreeEmitterTests
{
    private static readonly string[] Pieces =
    [
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", " ", "  ", "#", " #", ": ", ":", "-", "- ", "?", "? ", ",", "[", "]", "{", "}",
        "&a", "*a", "!", "!Ref ", "|", ">", "'", "''", "\"", "%", "@", "`", "<<", "=", "~", "null", "yes", "0x1F", "1e3", "12:30", "2024-01-02",
        "a", "b", "word", "é", "😀", "\ud800", "\udc00", "\\", "\u001b[31m", "\u0007", "\0", "\uFEFF", "\u00a0", "\u200b", "...", "---", "${Var}",
    ];

    private static readonly string[] Tags = ["", "", "", "!Ref", "!Sub", "!GetAtt", "!If", "!Select", "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "!a:b.c-d_e"];

    private static readonly ScalarStyle[] Styles =
        [ScalarStyle.Any, ScalarStyle.Plain, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted, ScalarStyle.Literal, ScalarStyle.Folded];

    public static IEnumerable<TestCaseData> RepositoryDocuments()
    {
        var root = RepositoryPaths.Root;
        var files = new[] { "test", "examples" }
            .Select(dir => Path.Combine(root, dir))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return new TestCaseData(Path.GetRelativePath(root, file)).SetName($"Same text as YamlDotNet for {Path.GetRelativePath(root, file)}");
        }
    }

    [TestCaseSource(nameof(RepositoryDocuments))]
    public void Writes_each_repository_document_as_YamlDotNet_does(string relativePath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath))));
        }
        catch (YamlException)
        {
            Assert.Pass("not YAML this test can load (a deliberately broken fixture)");
            return;
        }

        foreach (var document in stream.Documents)
        {
            Assert.That(YamlTextWriter.Write(document.RootNode), Is.EqualTo(YamlTextWriter.WriteWithYamlDotNet(document.RootNode)), relativePath);
        }
    }

    /// <summary>Copilot's own golden case (shared/compat): its templates and manifest, as copilot's emitter wrote them.</summary>
    [TestCase("job-manifest.yml")]
    [TestCase("job-test.stack.yml")]
    [TestCase("job-test.stack.deployable.yml")]
    [TestCase("derived/broken.stack.yml")]
    public void Writes_copilots_golden_documents_as_YamlDotNet_does(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Support.CompatData.ReadText(file.Split('/'))));

        foreach (var document in stream.Documents)
        {
            Assert.That(YamlTextWriter.Write(document.RootNode), Is.EqualTo(YamlTextWriter.WriteWithYamlDotNet(document.RootNode)), file);
        }
    }

    [Test]
    public void Covers_the_trees_packaging_builds()
    {
        // A tree of the kinds the synthesis makes: tags, flow intrinsics, literal blocks, empty collections, quoted keys.
        var arn = Cfn.TaggedFlow("!Select", Cfn.Int(0), Cfn.TaggedFlow("!Split", Cfn.Single("/"), Cfn.Ref("Param")));
        var properties = Cfn.Map(("Name", Cfn.Sub("${AppName}-${EnvName}")), ("Arn", arn), ("Quoted", Cfn.Single("it's")));
        var role = Cfn.Map(("Type", Cfn.Str("AWS::IAM::Role")), ("Properties", properties));
        var tree = Cfn.Map(
            ("AWSTemplateFormatVersion", Cfn.Plain("2010-09-09")),
            ("Metadata", Cfn.Map(("Manifest", Cfn.Literal("name: job\ntype: Scheduled Job\n\non:\n  schedule: \"@daily\"\n")))),
            ("Empty", new YamlMappingNode()),
            ("List", new YamlSequenceNode()),
            ("Resources", Cfn.Map(("Role", role))));
        var builder = new StringBuilder();

        Assert.That(TreeEmitter.TryWrite(tree, builder), Is.True);
        Assert.That(YamlTextWriter.Write(tree), Is.EqualTo(YamlTextWriter.WriteWithYamlDotNet(tree)));
    }

    [Test]
    public void Leaves_anchors_and_collection_keys_to_YamlDotNet()
    {
        var anchored = new YamlMappingNode { { "a", new YamlScalarNode("b") { Anchor = new AnchorName("x") } } };
        var collectionKey = new YamlMappingNode { { new YamlSequenceNode(), new YamlScalarNode("v") } };
        var percentTag = new YamlMappingNode { { "a", new YamlScalarNode("b") { Tag = new TagName("!wéird") } } };

        foreach (var tree in new YamlNode[] { anchored, collectionKey, percentTag, new YamlScalarNode(string.Empty) })
        {
            Assert.That(TreeEmitter.TryWrite(tree, new StringBuilder()), Is.False);
            Assert.That(YamlTextWriter.Write(tree), Is.EqualTo(YamlTextWriter.WriteWithYamlDotNet(tree)));
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 400)]
    public Property Writes_generated_trees_as_YamlDotNet_does() =>
        Prop.ForAll(Arb.From(Tree(3)), tree =>
        {
            string expected;
            try
            {
                expected = YamlTextWriter.WriteWithYamlDotNet(tree);
            }
            catch (YamlException)
            {
                // YamlDotNet refuses the tree (an orphaned surrogate): so must the tree emitter.
                return Throws(() => YamlTextWriter.Write(tree)).Label("YamlDotNet refused the tree; the tree emitter did not");
            }

            var actual = YamlTextWriter.Write(tree);
            return (actual == expected).Label($"expected:\n{expected}\nactual:\n{actual}");
        });

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (YamlException)
        {
            return true;
        }
    }

    private static Gen<string> Text() =>
        Gen.OneOf(
            Gen.Elements(Pieces),
            Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts.Take(6))),
            Gen.Elements("", "value", "arn:aws:iam::123:role/x", "a b", "it's", "x: y", "- item", "#c", "a\nb", "a\n\nb\n", " lead", "trail ", "\nlead", "multi\nline\n\n"));

    private static Gen<YamlScalarNode> Scalar() =>
        from text in Text()
        from style in Gen.Elements(Styles)
        from tag in Gen.Elements(Tags)
        select new YamlScalarNode(text) { Style = style, Tag = tag.Length == 0 ? TagName.Empty : new TagName(tag) };

    private static Gen<YamlNode> Tree(int depth)
    {
        if (depth == 0)
        {
            return Scalar().Select(s => (YamlNode)s);
        }

        var child = Tree(depth - 1);
        var sequence =
            from items in Gen.ListOf(child)
            from flow in Gen.Elements(false, false, true)
            from tag in Gen.Elements(Tags)
            select (YamlNode)new YamlSequenceNode(items.Take(4)) { Style = flow ? YamlDotNet.Core.Events.SequenceStyle.Flow : YamlDotNet.Core.Events.SequenceStyle.Block, Tag = tag.Length == 0 ? TagName.Empty : new TagName(tag) };
        var mapping =
            from entries in Gen.ListOf(Gen.Zip(Gen.OneOf(Text(), Gen.Elements(new string('k', 1030), "key", "Type")), child))
            from flow in Gen.Elements(false, false, true)
            select (YamlNode)Map(entries.Take(4), flow);
        return Gen.Frequency((2, Scalar().Select(s => (YamlNode)s)), (2, sequence), (3, mapping));
    }

    private static YamlMappingNode Map(IEnumerable<(string Key, YamlNode Value)> entries, bool flow)
    {
        var map = new YamlMappingNode { Style = flow ? YamlDotNet.Core.Events.MappingStyle.Flow : YamlDotNet.Core.Events.MappingStyle.Block };
        foreach (var (key, value) in entries)
        {
            var node = new YamlScalarNode(key);
            if (!map.Children.ContainsKey(node))
            {
                map.Add(node, value);
            }
        }

        return map;
    }
}
