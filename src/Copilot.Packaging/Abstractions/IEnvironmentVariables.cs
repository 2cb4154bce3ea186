namespace Copilot.Packaging.Abstractions;

/// <summary>Reads process environment variables; tests supply a dictionary.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    string? Get(string name);
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    /// <summary>The shared instance.</summary>
    public static readonly ProcessEnvironmentVariables Instance = new();

    private ProcessEnvironmentVariables()
    {
    }

    /// <inheritdoc />
    public string? Get(string name) => System.Environment.GetEnvironmentVariable(name);
}

/// <summary>Environment variables from a dictionary.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    /// <inheritdoc />
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
