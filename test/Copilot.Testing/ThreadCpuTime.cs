using System.Globalization;

namespace Copilot.Testing;

/// <summary>
/// The processor time the calling thread has used, for bounds on work done synchronously on one thread ("a billion
/// laughs fails fast"): unlike wall time it does not grow when other tests or other processes load the machine, so a
/// bound on it flags a blow-up in our code without flaking on a busy 2-core runner. Linux only
/// (<c>/proc/thread-self/schedstat</c>); elsewhere it falls back to wall time.
/// </summary>
public static class ThreadCpuTime
{
    /// <summary>Runs <paramref name="action"/> on this thread and returns the processor time it took.</summary>
    public static TimeSpan Measure(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Now();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        action();
        var after = Now();
        return before is { } start && after is { } end ? end - start : wall.Elapsed;
    }

    private static TimeSpan? Now()
    {
        const string schedstat = "/proc/thread-self/schedstat";
        if (!File.Exists(schedstat))
        {
            return null;
        }

        // "<ns on the processor> <ns waiting to run> <time slices>"
        var onCpu = File.ReadAllText(schedstat).Split(' ')[0];
        return TimeSpan.FromTicks(long.Parse(onCpu, CultureInfo.InvariantCulture) / 100);
    }
}
