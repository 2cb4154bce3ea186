namespace Copilot.Packaging.Abstractions;

/// <summary>
/// Runs independent pieces of work (reading or comparing one file each) in parallel once there are enough of them to
/// be worth it, else one after another on the calling thread; either way each piece's outcome goes to its own index.
/// </summary>
internal static class SideBySide
{
    /// <summary>From this many pieces (a batch's files) they run in parallel; one job's two or three do not.</summary>
    public const int Threshold = 8;

    /// <summary>Runs <paramref name="body"/> for 0 to <paramref name="count"/> - 1.</summary>
    public static void For(int count, Action<int> body, CancellationToken cancellationToken = default)
    {
        if (count < Threshold)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, body);
    }
}
