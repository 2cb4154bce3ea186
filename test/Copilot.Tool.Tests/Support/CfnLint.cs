namespace Copilot.Tool.Tests.Support;

/// <summary>Runs <c>cfn-lint</c> on written templates and picks out its errors.</summary>
internal static class CfnLint
{
    // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; anything else means it did not run.
    private const int ErrorBit = 2;
    private const int WarningBit = 4;

    /// <summary>Lints <paramref name="files"/> in one run (<c>--format parseable</c>).</summary>
    public static ToolRun Run(IEnumerable<string> files)
    {
        try
        {
            return ProcessRunner.Run("cfn-lint", Path.GetTempPath(), null, ["--format", "parseable", .. files]);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("cfn-lint is not installed: pip install cfn-lint", ex);
        }
    }

    /// <summary>
    /// The error lines, less the one known false positive: E3601 on "arn:${Partition}:..." inside the state machine
    /// definition, where ${Partition} is a DefinitionSubstitutions variable that cfn-lint does not resolve.
    /// </summary>
    public static string[] Errors(ToolRun lint) =>
        [.. lint.Stdout.Split('\n').Where(line => line.Contains(":E", StringComparison.Ordinal)
            && !(line.Contains(":E3601:", StringComparison.Ordinal) && line.Contains("arn:${Partition}:", StringComparison.Ordinal)))];

    /// <summary>Whether cfn-lint ran to the end (its exit code has no bits besides errors and warnings).</summary>
    public static bool Completed(ToolRun lint) => (lint.ExitCode & ~(ErrorBit | WarningBit)) == 0;
}
