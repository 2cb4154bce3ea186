using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Copilot.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Copilot.Packaging.Tests.Architecture;

/// <summary>
/// The dependency graph between the library folders (top-level namespaces of <c>Copilot.Packaging</c>, and
/// <c>Copilot.Packaging.Aws</c> as one node), read from the sources with Roslyn's semantic model so that every use
/// counts: using directives, fully or partly qualified names, constants, extension methods. Every edge must point down
/// the layering below, and no folder may reach the AWS adapters or the AWS SDK.
/// </summary>
public sealed class LayeringTests
{
    private const string Core = "Copilot.Packaging";
    private const string AwsNode = "Aws";
    private const string AmazonNode = "Amazon";

    /// <summary>
    /// The layering, bottom first: a folder may use folders of lower layers only (not its siblings). Data flows
    /// workspace → manifest → records → synthesis → output | diff | upload → jobs; the AWS adapters sit above all of it.
    /// </summary>
    internal static readonly string[][] Layers =
    [
        ["Errors", "Conversions"],
        ["Inputs"],
        ["Yaml", "Abstractions"],
        ["Reporting", "Adapters", "Workspace", "Output"],
        ["Manifest"],
        ["Addons", "Records"],
        ["Synthesis"],
        ["TemplatePatches", "Diff", "Upload", "Stacks", "Deploy"],
        ["Jobs"],
        [AwsNode],
    ];

    private static readonly Lazy<IReadOnlyDictionary<(string From, string To), string>> Graph = new(BuildGraph);

    [Test]
    public void Every_folder_is_placed_in_the_layering()
    {
        var placed = Layers.SelectMany(layer => layer).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src", Core))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Properties"))
            .Where(name => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", Core, name!), "*.cs", SearchOption.AllDirectories).Any())
            .ToList();

        Assert.That(folders, Is.Not.Empty);
        Assert.That(folders.Where(f => !placed.Contains(f!)), Is.Empty, "folders missing from LayeringTests.Layers");
    }

    [Test]
    public void No_edge_goes_up_or_sideways_in_the_layering()
    {
        var violations = Violations(Graph.Value, Layers);

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void No_cycle_between_folders()
    {
        var cycles = Cycles(Graph.Value.Keys);

        Assert.That(cycles, Is.Empty);
    }

    [Test]
    public void The_core_does_not_use_the_aws_sdk()
    {
        var uses = Graph.Value.Where(e => e.Key.From != AwsNode && e.Key.To == AmazonNode).Select(e => $"{e.Key.From} → Amazon ({e.Value})");

        Assert.That(uses, Is.Empty);
    }

    [Test]
    public void The_core_assembly_references_no_aws_sdk_assembly()
    {
        var core = typeof(Copilot.Packaging.Jobs.JobPackager).Assembly.Location;
        using var stream = File.OpenRead(core);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(references, Does.Contain("YamlDotNet"), "the reader sees the core's references");
            Assert.That(references.Where(r => r.StartsWith("AWSSDK", StringComparison.Ordinal) || r == "Copilot.Packaging.Aws"), Is.Empty);
        }
    }

    // The checks themselves must be able to fail: a back edge and a cycle planted in a copy of the graph are found.
    [Test]
    public void The_checks_find_a_planted_back_edge_and_cycle()
    {
        var planted = new Dictionary<(string From, string To), string>(Graph.Value)
        {
            [("Records", "Jobs")] = "planted",
            [("Jobs", "Records")] = "planted",
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Violations(planted, Layers), Has.Some.StartsWith("Records → Jobs"));
            Assert.That(Cycles(planted.Keys), Has.Some.Contains("Jobs").And.Contains("Records"));
            Assert.That(Graph.Value.Keys, Has.Some.EqualTo(("Jobs", "Records")), "the graph sees real edges");
            Assert.That(Graph.Value.Keys, Has.Some.EqualTo((AwsNode, "Records")), "the graph sees the adapters");
        }
    }

    internal static List<string> Violations(IReadOnlyDictionary<(string From, string To), string> graph, string[][] layers)
    {
        var layerOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Length; i++)
        {
            foreach (var folder in layers[i])
            {
                layerOf[folder] = i;
            }
        }

        var violations = new List<string>();
        foreach (var ((from, to), example) in graph.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            if (to == AmazonNode)
            {
                continue;
            }

            if (!layerOf.TryGetValue(from, out var fromLayer) || !layerOf.TryGetValue(to, out var toLayer))
            {
                violations.Add($"{from} → {to}: not in the layering ({example})");
            }
            else if (toLayer >= fromLayer)
            {
                violations.Add($"{from} → {to}: {(toLayer == fromLayer ? "same layer" : "upwards")} ({example})");
            }
        }

        return violations;
    }

    internal static List<string> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.Where(e => e.From != e.To).GroupBy(e => e.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            // Every simple path back to start: the graph has a few dozen nodes, so a depth-first walk is enough.
            var path = new List<string> { start };
            Walk(start);

            void Walk(string node)
            {
                foreach (var target in next.GetValueOrDefault(node) ?? [])
                {
                    if (target == start)
                    {
                        var rotated = Canonical(path);
                        cycles.Add(string.Join(" → ", rotated.Append(rotated[0])));
                    }
                    else if (!path.Contains(target) && string.CompareOrdinal(target, start) > 0)
                    {
                        path.Add(target);
                        Walk(target);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        return [.. cycles];
    }

    private static List<string> Canonical(List<string> cycle)
    {
        var min = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        return [.. cycle.Skip(min), .. cycle.Take(min)];
    }

    // Edge (from folder, to folder) → one example use, "File.cs: Name".
    private static IReadOnlyDictionary<(string From, string To), string> BuildGraph()
    {
        var roots = new[] { Path.Combine(RepositoryPaths.Root, "src", Core), Path.Combine(RepositoryPaths.Root, "src", Core + ".Aws") };
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = roots
            .SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                               && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
            .ToList();
        Assert.That(trees, Has.Count.GreaterThan(100), "the sources were found");

        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => !Path.GetFileName(path).StartsWith("Copilot.", StringComparison.Ordinal));
        var references = platform.Concat(packages)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));
        var compilation = CSharpCompilation.Create(
            "Layering",
            trees.Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;", options)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Binding every name is the costly part; trees bind independently, so they are bound in parallel. The example
        // kept for an edge is the ordinally smallest, so the graph does not depend on the order the trees finish in.
        var graph = new System.Collections.Concurrent.ConcurrentDictionary<(string From, string To), string>();
        Parallel.ForEach(trees, tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var from = Node(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString());
            if (from is null)
            {
                return;
            }

            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var to = Node(NamespaceOf(symbol));
                if (to is not null && to != from)
                {
                    var example = $"{Path.GetFileName(tree.FilePath)}: {name}";
                    graph.AddOrUpdate((from, to), example, (_, kept) => string.CompareOrdinal(example, kept) < 0 ? example : kept);
                }
            }
        });

        return new Dictionary<(string From, string To), string>(graph);
    }

    private static string? NamespaceOf(ISymbol? symbol)
    {
        var type = symbol switch
        {
            null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol => null,
            INamedTypeSymbol named => named,
            _ => symbol.ContainingType,
        };
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type?.ContainingNamespace?.ToDisplayString();
    }

    // "Copilot.Packaging.Manifest.Model" → "Manifest"; anything in the Aws assembly → "Aws"; "Amazon.*" → "Amazon".
    private static string? Node(string? ns)
    {
        if (ns is null)
        {
            return null;
        }

        if (ns == "Amazon" || ns.StartsWith("Amazon.", StringComparison.Ordinal))
        {
            return AmazonNode;
        }

        if (!ns.StartsWith(Core + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var folder = ns[(Core.Length + 1)..].Split('.')[0];
        return folder;
    }
}
