using McMaster.Extensions.CommandLineUtils;

namespace Copilot.Tool.CommandLine;

/// <summary>
/// A command of this tool: McMaster's command without its parse-error hint, which it writes to stdout
/// ("Specify --help for a list of available options and commands."). <see cref="CommandLineError"/> says on stderr
/// which command's help to read instead.
/// </summary>
internal sealed class ToolCommand : CommandLineApplication
{
    private ToolCommand()
        : base(throwOnUnexpectedArg: true)
    {
    }

    /// <summary>The root command, writing to <paramref name="console"/>'s streams.</summary>
    public static CommandLineApplication Root(string name, ToolConsole console) => new ToolCommand
    {
        Name = name,
        Out = console.Out,
        Error = console.Error,
        MakeSuggestionsInErrorMessage = false,
    };

    /// <summary>Adds the subcommand <paramref name="name"/> to <paramref name="parent"/> and configures it.</summary>
    public static CommandLineApplication Add(CommandLineApplication parent, string name, Action<CommandLineApplication> configure)
    {
        var command = new ToolCommand
        {
            Name = name,
            Parent = parent,
            Out = parent.Out,
            Error = parent.Error,
            HelpTextGenerator = parent.HelpTextGenerator,
            MakeSuggestionsInErrorMessage = false,
        };
        parent.AddSubcommand(command);
        configure(command);
        return command;
    }

    /// <summary>Writes nothing: the error handler names the command's help on stderr, and stdout stays data only.</summary>
    public override void ShowHint()
    {
    }
}
