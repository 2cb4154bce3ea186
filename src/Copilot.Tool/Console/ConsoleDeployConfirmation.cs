using Copilot.Packaging.Deploy;
using Copilot.Packaging.Errors;

namespace Copilot.Tool;

/// <summary>
/// <c>--diff</c> for deploy: the diff goes to stdout, then the question to stderr and the answer from stdin (default
/// No). <c>--yes</c> answers yes without asking; without a terminal and without <c>--yes</c> it refuses instead of waiting.
/// </summary>
internal sealed class ConsoleDeployConfirmation(ToolConsole console, bool yes) : IDeployConfirmation
{
    public async Task<bool> ConfirmAsync(string diffText, bool hasChanges, CancellationToken cancellationToken)
    {
        await console.Out.WriteAsync(diffText);
        await console.Out.FlushAsync(cancellationToken);
        if (yes)
        {
            return true;
        }

        if (!console.IsInputInteractive)
        {
            throw NoTerminal();
        }

        await console.Error.WriteAsync("Continue with the deployment? [y/N] ");
        var answer = (await console.In.ReadLineAsync(cancellationToken))?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The refusal when nobody can answer.</summary>
    public static CopilotJobException NoTerminal() => new(
        "--diff asks before deploying, and there is no terminal to answer on",
        recommendation: "Add --yes to deploy after showing the diff (for CI), or run `dotnet copilot-job package --diff` to only look.");
}
