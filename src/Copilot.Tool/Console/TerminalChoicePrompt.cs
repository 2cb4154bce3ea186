namespace Copilot.Tool;

/// <summary>Asks on stderr and reads the answer from stdin, when stdin is a terminal; otherwise declines.</summary>
internal sealed class TerminalChoicePrompt(ToolConsole console) : IChoicePrompt
{
    public async Task<string?> ChooseAsync(string question, IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        if (!console.IsInputInteractive)
        {
            return null;
        }

        while (true)
        {
            await console.Error.WriteLineAsync(question);
            for (var i = 0; i < options.Count; i++)
            {
                await console.Error.WriteLineAsync($"  {i + 1}. {options[i]}");
            }

            await console.Error.WriteAsync("Number or name: ");
            var answer = (await console.In.ReadLineAsync(cancellationToken))?.Trim();
            if (answer is null)
            {
                return null;
            }

            if (int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count)
            {
                return options[n - 1];
            }

            if (options.Contains(answer, StringComparer.Ordinal))
            {
                return answer;
            }

            await console.Error.WriteLineAsync($"\"{answer}\" is not one of the options.");
        }
    }
}
