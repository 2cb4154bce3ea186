using Copilot.Tool;

return ToolApplication.Run(args, ToolConsole.FromSystem(), CancellationToken.None);
