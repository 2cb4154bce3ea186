namespace Copilot.Tool;

/// <summary>Asks the user to pick one of several options (a job, an environment).</summary>
internal interface IChoicePrompt
{
    /// <summary>Asks <paramref name="question"/> with <paramref name="options"/>.</summary>
    /// <returns>The chosen option, or null when no one can be asked (stdin is not a terminal).</returns>
    Task<string?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken);
}
