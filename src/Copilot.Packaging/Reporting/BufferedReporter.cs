namespace Copilot.Packaging.Reporting;

/// <summary>
/// Keeps what one part of a concurrent run reports, to pass it on later in a fixed order (each line prefixed, so the
/// reader can tell the parts apart); safe to use from several threads.
/// </summary>
internal sealed class BufferedReporter(string prefix) : IPackagingReporter
{
    private readonly List<(int Kind, string Message)> _lines = [];

    public void Info(string message) => Add(0, message);

    public void Warning(string message) => Add(1, message);

    public void Verbose(string message) => Add(2, message);

    /// <summary>Reports everything kept to <paramref name="target"/>, in the order it came.</summary>
    public void FlushTo(IPackagingReporter target)
    {
        lock (_lines)
        {
            foreach (var (kind, message) in _lines)
            {
                var line = prefix + message;
                switch (kind)
                {
                    case 0:
                        target.Info(line);
                        break;
                    case 1:
                        target.Warning(line);
                        break;
                    default:
                        target.Verbose(line);
                        break;
                }
            }

            _lines.Clear();
        }
    }

    private void Add(int kind, string message)
    {
        lock (_lines)
        {
            _lines.Add((kind, message));
        }
    }
}

/// <summary>Passes reports on one at a time, for a reporter that several threads share.</summary>
internal sealed class SynchronizedReporter(IPackagingReporter inner) : IPackagingReporter
{
    private readonly Lock _gate = new();

    public void Info(string message)
    {
        lock (_gate)
        {
            inner.Info(message);
        }
    }

    public void Warning(string message)
    {
        lock (_gate)
        {
            inner.Warning(message);
        }
    }

    public void Verbose(string message)
    {
        lock (_gate)
        {
            inner.Verbose(message);
        }
    }
}
