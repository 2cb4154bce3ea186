using Copilot.Tool;

return await ToolApplication.RunAsync(args, ToolConsole.FromSystem(), CancellationToken.None);
