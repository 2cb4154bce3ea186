using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.Commands;

/// <summary>What every subcommand shares: the parent's streams, <c>-h|--help</c> and <c>--verbose</c>.</summary>
internal static class CommandDefaults
{
    /// <summary>Sets up <paramref name="command"/> under <paramref name="parent"/> and returns its <c>--verbose</c> flag.</summary>
    public static CommandOption Apply(CommandLineApplication command, CommandLineApplication parent)
    {
        command.Out = parent.Out;
        command.Error = parent.Error;
        command.HelpOption("-h|--help");
        return command.Option("--verbose", "Optional. Print details, and the stack trace of unexpected errors.", CommandOptionType.NoValue);
    }
}
