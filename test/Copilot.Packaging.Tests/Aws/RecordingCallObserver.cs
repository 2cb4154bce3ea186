using System.Collections.Concurrent;
using Copilot.Packaging.Aws;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>Records every AWS call as <c>Service:Operation</c>, safely from concurrent calls.</summary>
internal sealed class RecordingCallObserver : IAwsCallObserver
{
    private readonly ConcurrentQueue<string> calls = new();

    /// <summary>The calls so far, sorted (concurrent calls have no fixed order).</summary>
    internal IReadOnlyList<string> SortedCalls => calls.Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public void OnCall(string service, string operation, string region) => calls.Enqueue($"{service}:{operation}");
}
