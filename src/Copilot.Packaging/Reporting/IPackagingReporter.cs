namespace Copilot.Packaging.Reporting;

/// <summary>
/// Where the core reports progress and warnings. The core never writes to the console: the host decides
/// (the tool sends all of these to stderr, so stdout carries only data).
/// </summary>
public interface IPackagingReporter
{
    /// <summary>A one-line notice the user should see (for example which records file was used).</summary>
    void Info(string message);

    /// <summary>Something suspicious that does not stop packaging (for example an unknown manifest key).</summary>
    void Warning(string message);

    /// <summary>Detail shown only with <c>--verbose</c>.</summary>
    void Verbose(string message);
}

/// <summary>A reporter that drops everything; for library callers that do not care.</summary>
public sealed class NullPackagingReporter : IPackagingReporter
{
    /// <summary>The shared instance.</summary>
    public static readonly NullPackagingReporter Instance = new();

    private NullPackagingReporter()
    {
    }

    /// <inheritdoc />
    public void Info(string message)
    {
    }

    /// <inheritdoc />
    public void Warning(string message)
    {
    }

    /// <inheritdoc />
    public void Verbose(string message)
    {
    }
}
