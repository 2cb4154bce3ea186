namespace Copilot.Packaging.Output;

/// <summary>What <see cref="AtomicFileWriter.Write"/> did.</summary>
/// <param name="Paths">The full paths of every file of the set, in order.</param>
/// <param name="Unchanged">Those of <paramref name="Paths"/> that already held their content and were left as they were.</param>
internal sealed record AtomicWriteResult(IReadOnlyList<string> Paths, IReadOnlyList<string> Unchanged);
