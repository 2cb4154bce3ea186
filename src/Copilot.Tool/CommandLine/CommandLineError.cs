using Copilot.Packaging.Conversions;
using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.CommandLine;

/// <summary>
/// Explains a command line McMaster refused: which command it was for, what is wrong (an unknown option or command with
/// the closest one, a missing value named by its long form, an option given twice), and that command's help.
/// </summary>
/// <remarks>
/// McMaster's exception carries only the command and a message, so the arguments are read again here with its rules
/// (long <c>--name[=value]</c>, short <c>-n</c> and clusters, subcommand names) to find the first problem as values
/// (the option, the token), never by reading the message. When that finds nothing, McMaster's message is used.
/// </remarks>
/// <param name="Command">The command the problem is in.</param>
/// <param name="Message">What is wrong, as one line.</param>
internal sealed record CommandLineError(CommandLineApplication Command, string Message)
{
    /// <summary>The lines to write to stderr: the error, then the command's help.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"✘ {Message}";
        yield return $"Run '{FullName(Command)} --help' for {(Command.Commands.Count > 0 ? "its commands and options" : "its options")}.";
    }

    /// <summary>The first problem in <paramref name="args"/> under <paramref name="root"/>; McMaster's message when none is found.</summary>
    public static CommandLineError Explain(CommandLineApplication root, IReadOnlyList<string> args, CommandParsingException exception) =>
        Find(root, args) ?? new CommandLineError(exception.Command ?? root, exception.Message);

    /// <summary>The command's name as typed, with its parents: <c>dotnet copilot-job records export</c>.</summary>
    public static string FullName(CommandLineApplication command) =>
        command.Parent is null ? command.Name ?? string.Empty : $"{FullName(command.Parent)} {command.Name}";

    /// <summary>How an option is shown in help: <c>-n|--name &lt;JOB&gt;</c>.</summary>
    public static string Usage(CommandOption option)
    {
        var names = string.Join("|", new[] { option.ShortName is null ? null : "-" + option.ShortName, option.LongName is null ? null : "--" + option.LongName }.Where(n => n is not null));
        return option.OptionType == CommandOptionType.NoValue || option.ValueName is null ? names : $"{names} <{option.ValueName}>";
    }

    private static CommandLineError? Find(CommandLineApplication root, IReadOnlyList<string> args)
    {
        var command = root;
        CommandOption? pending = null;
        var seen = new HashSet<CommandOption>();
        foreach (var token in args)
        {
            var option = token.StartsWith('-') && token.Length > 1 ? Lookup(command, token, out _) : null;
            if (pending is not null)
            {
                if (option is not null)
                {
                    return MissingValue(command, pending);
                }

                pending = null;
                continue;
            }

            if (token == "--")
            {
                return null;
            }

            if (token.StartsWith("--", StringComparison.Ordinal) || (token.StartsWith('-') && token.Length > 1))
            {
                var found = Lookup(command, token, out var inlineValue);
                if (found is null)
                {
                    return Unknown(command, token);
                }

                if (found == command.OptionHelp || found == command.OptionVersion)
                {
                    return null;
                }

                if (found.OptionType == CommandOptionType.NoValue && inlineValue is not null)
                {
                    return new CommandLineError(command, $"--{found.LongName} takes no value, but was given '{inlineValue}'");
                }

                if (found.OptionType == CommandOptionType.SingleValue && !seen.Add(found))
                {
                    return new CommandLineError(command, $"--{found.LongName} is given twice; it takes one value");
                }

                seen.Add(found);
                if (found.OptionType != CommandOptionType.NoValue && inlineValue is null)
                {
                    pending = found;
                }

                continue;
            }

            var subcommand = command.Commands.FirstOrDefault(c => c.Name == token);
            if (subcommand is null)
            {
                return command.Commands.Count > 0
                    ? new CommandLineError(command, $"unknown command '{token}'{Suggestion(token, command.Commands.Select(c => c.Name!), n => $"'{n}'")}")
                    : new CommandLineError(command, $"unexpected argument '{token}': this command takes options only");
            }

            command = subcommand;
            seen.Clear();
        }

        return pending is null ? null : MissingValue(command, pending);
    }

    // The option a token names (long, short, or a cluster of shorts ending in it), and its inline value after = or :.
    private static CommandOption? Lookup(CommandLineApplication command, string token, out string? inlineValue)
    {
        var isLong = token.StartsWith("--", StringComparison.Ordinal);
        var body = token[(isLong ? 2 : 1)..];
        var separator = body.IndexOfAny(['=', ':']);
        inlineValue = separator < 0 ? null : body[(separator + 1)..];
        var name = separator < 0 ? body : body[..separator];
        if (isLong)
        {
            return command.Options.FirstOrDefault(o => o.LongName == name);
        }

        // A cluster (-ab) is valid when every letter is a short option; the last one is the one that may take a value.
        var options = name.Select(c => command.Options.FirstOrDefault(o => o.ShortName == c.ToString() || o.SymbolName == c.ToString())).ToList();
        return name.Length == 0 || options.Any(o => o is null) ? null : options[^1];
    }

    private static CommandLineError MissingValue(CommandLineApplication command, CommandOption option) =>
        new(command, $"--{option.LongName} needs a value: {Usage(option)}");

    private static CommandLineError Unknown(CommandLineApplication command, string token)
    {
        var typed = token.TrimStart('-');
        var separator = typed.IndexOfAny(['=', ':']);
        typed = separator < 0 ? typed : typed[..separator];
        var longNames = command.Options.Where(o => o.ShowInHelpText && o.LongName is not null).Select(o => o.LongName!);
        return new CommandLineError(command, $"unknown option '{token}'{Suggestion(typed, longNames, n => "--" + n)}");
    }

    // "; did you mean X?" for the candidates closest to what was typed (edit distance, or what it is a prefix of).
    private static string Suggestion(string typed, IEnumerable<string> candidates, Func<string, string> show)
    {
        var limit = typed.Length <= 3 ? 1 : typed.Length <= 6 ? 2 : 3;
        var scored = candidates
            .Select(c => (Name: c, Distance: typed.Length >= 2 && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance.Between(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .ToList();
        if (scored.Count == 0)
        {
            return string.Empty;
        }

        var best = scored.Min(c => c.Distance);
        return $"; did you mean {string.Join(" or ", scored.Where(c => c.Distance == best).Select(c => show(c.Name)))}?";
    }
}
