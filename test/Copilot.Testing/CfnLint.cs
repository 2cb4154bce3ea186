using System.ComponentModel;
using System.Diagnostics;

namespace Copilot.Testing;

/// <summary>One cfn-lint finding (<c>--format parseable</c>).</summary>
public sealed record CfnLintFinding(string File, int Line, string RuleId, string Message)
{
    public bool IsError => RuleId.StartsWith('E');

    /// <summary>
    /// cfn-lint checks the state-machine definition's <c>Resource</c> ARN before Step Functions substitutes
    /// <c>${Partition}</c>, so it reports E3601 on it; that finding is expected and ignored.
    /// </summary>
    public bool IsPartitionSubstitutionInDefinition =>
        RuleId == "E3601" && Message.Contains("arn:${Partition}:states", StringComparison.Ordinal);

    /// <summary>An error other than the known false positive: what every emitted template must not have.</summary>
    public bool IsRealError => IsError && !IsPartitionSubstitutionInDefinition;

    public override string ToString() => $"{Path.GetFileName(File)}:{Line}: {RuleId} {Message}";
}

/// <summary>Runs <c>cfn-lint</c> on template files.</summary>
public static class CfnLint
{
    /// <summary>Lints <paramref name="files"/> in one run and returns every finding.</summary>
    public static IReadOnlyList<CfnLintFinding> Run(IEnumerable<string> files)
    {
        TestTier.Require("cfn-lint", TestCategories.CfnLint);
        var start = new ProcessStartInfo("cfn-lint")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add("parseable");
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("cfn-lint did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cfn-lint is not installed or not on PATH ({e.Message}); install it with `pip install cfn-lint`.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var findings = new List<CfnLintFinding>();
            foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                // file:line:column:endLine:endColumn:RuleId:Message
                var parts = line.Split(':', 7);
                if (parts.Length < 7 || !int.TryParse(parts[1], out var lineNumber))
                {
                    Assert.Fail($"Unexpected cfn-lint output line: {line}\nstderr: {stderr.Result}");
                    continue;
                }

                findings.Add(new CfnLintFinding(parts[0], lineNumber, parts[5], parts[6]));
            }

            if (findings.Count == 0 && process.ExitCode != 0)
            {
                Assert.Fail($"cfn-lint exited with {process.ExitCode} without findings; stderr: {stderr.Result}");
            }

            return findings;
        }
    }
}
