namespace Copilot.Packaging.Reporting;

/// <summary>Asks the user to pick one of several options (a job, an environment). The host decides how, or whether, to ask.</summary>
public interface IChoicePrompt
{
    /// <summary>Asks <paramref name="question"/> with <paramref name="options"/>.</summary>
    /// <returns>The chosen option, or null when no one can be asked (stdin is not a terminal).</returns>
    Task<string?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken);
}

/// <summary>A prompt that never asks; selection then fails with a message listing the options.</summary>
public sealed class NonInteractivePrompt : IChoicePrompt
{
    /// <summary>The shared instance.</summary>
    public static readonly NonInteractivePrompt Instance = new();

    /// <inheritdoc />
    public Task<string?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
