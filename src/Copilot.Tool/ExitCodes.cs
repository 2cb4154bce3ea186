namespace Copilot.Tool;

/// <summary>The tool's exit codes, as documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Success; with <c>--diff</c>: no differences.</summary>
    public const int Success = 0;

    /// <summary>A user error (bad flag, manifest, records); with <c>--diff</c>: differences found.</summary>
    public const int UserError = 1;

    /// <summary>With <c>--diff</c>: differences found.</summary>
    public const int DiffFound = 1;

    /// <summary>With <c>--diff</c>: no diff could be produced.</summary>
    public const int DiffUnavailable = 2;

    /// <summary>An unexpected failure: a bug (EX_SOFTWARE).</summary>
    public const int Bug = 70;

    /// <summary>Cancelled with Ctrl+C (SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped with SIGTERM (128 + 15).</summary>
    public const int Terminated = 143;
}
