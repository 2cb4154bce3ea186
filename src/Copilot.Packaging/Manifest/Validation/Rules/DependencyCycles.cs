namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>Finds the cycles of a dependency graph as its strongly connected components (Tarjan's algorithm).</summary>
internal static class DependencyCycles
{
    /// <summary>
    /// The groups of nodes that depend on each other in a cycle; each group sorted by name, groups ordered by their
    /// first name. Self-loops must not be in <paramref name="edges"/>.
    /// </summary>
    /// <param name="edges">Node to the nodes it depends on; every target must also be a key.</param>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, List<string>> edges)
    {
        var search = new Search(edges);
        foreach (var node in edges.Keys)
        {
            if (!search.Index.ContainsKey(node))
            {
                search.Visit(node);
            }
        }

        return search.Components
            .Where(c => c.Count > 1)
            .Select(c => (IReadOnlyList<string>)c.Order(StringComparer.Ordinal).ToList())
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Search(IReadOnlyDictionary<string, List<string>> edges)
    {
        private readonly Dictionary<string, int> _lowLink = new(StringComparer.Ordinal);
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = new(StringComparer.Ordinal);

        public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);

        public List<List<string>> Components { get; } = [];

        public void Visit(string node)
        {
            Index[node] = Index.Count;
            _lowLink[node] = Index[node];
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in edges[node])
            {
                if (!Index.ContainsKey(next))
                {
                    Visit(next);
                    _lowLink[node] = Math.Min(_lowLink[node], _lowLink[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _lowLink[node] = Math.Min(_lowLink[node], Index[next]);
                }
            }

            if (_lowLink[node] != Index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = _stack.Pop();
                _onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            Components.Add(component);
        }
    }
}
