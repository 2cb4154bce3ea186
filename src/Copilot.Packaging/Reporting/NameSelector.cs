using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Reporting;

/// <summary>Picks one name from a list: the only one with a notice, or by asking, or fails listing them.</summary>
internal sealed class NameSelector(IChoicePrompt prompt, IPackagingReporter reporter)
{
    public async Task<string> SelectAsync(string kind, string flag, string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        switch (options.Count)
        {
            case 0:
                throw new CopilotJobException($"select {kind}: no {kind}s found");
            case 1:
                reporter.Info($"Found only one {kind}, defaulting to: {options[0]}");
                return options[0];
        }

        var choice = await prompt.ChooseAsync(question, options, cancellationToken);
        if (choice is null)
        {
            throw new CopilotJobException(
                $"select {kind}: several {kind}s exist ({string.Join(", ", options)}) and no one can be asked because stdin is not a terminal",
                recommendation: $"Name the {kind} with {flag}.");
        }

        return choice;
    }
}
