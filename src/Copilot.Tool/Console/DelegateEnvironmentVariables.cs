using Copilot.Packaging.Abstractions;

namespace Copilot.Tool;

/// <summary>Environment variables read through the console's lookup, so in-process tests can supply their own.</summary>
internal sealed class DelegateEnvironmentVariables(Func<string, string?> get) : IEnvironmentVariables
{
    public string? Get(string name) => get(name);
}
