using Copilot.Packaging.Errors;
using Copilot.Packaging.Reporting;

namespace Copilot.Tool;

/// <summary>
/// Picks one name from a list the core listed (<c>WorkspaceCatalog</c>): the only one with a notice, or by asking, or
/// fails listing them and naming the flag that names it instead.
/// </summary>
/// <param name="prompt">How to ask.</param>
/// <param name="reporter">Where the "only one" notice goes.</param>
internal sealed class NameSelector(IChoicePrompt prompt, IPackagingReporter reporter)
{
    /// <summary>Picks one of <paramref name="options"/>.</summary>
    /// <param name="kind">What is picked (<c>job</c>, <c>environment</c>), for the messages.</param>
    /// <param name="flag">The flag that names it instead (<c>-n/--name</c>), for the advice.</param>
    /// <param name="question">The question to ask.</param>
    /// <param name="options">The names to pick from.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <exception cref="CopilotJobException">There is nothing to pick, or several and no one to ask.</exception>
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
