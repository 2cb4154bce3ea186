using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

namespace Copilot.Tool.Tests.Aws;

/// <summary>Workspaces and variables for running the tool against a moto server.</summary>
internal static class AwsWorkspace
{
    internal const string Job = "report-generator";

    /// <summary>What a shell pointed at moto would have: endpoint, region and any keys.</summary>
    internal static Dictionary<string, string> Variables(MotoServer server) => Variables(server.Endpoint.ToString());

    /// <summary>The AWS variables with an arbitrary endpoint (for example one where nothing listens).</summary>
    internal static Dictionary<string, string> Variables(string endpoint) => new()
    {
        ["AWS_ENDPOINT_URL"] = endpoint,
        ["AWS_REGION"] = CopilotWorld.Region,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
    };

    /// <summary>The example workspace without its records file, so records must come from AWS.</summary>
    internal static Workspace WithoutRecords()
    {
        var workspace = Workspace.CopyOfExample();
        File.Delete(workspace.File("copilot/.records.yml"));
        return workspace;
    }

    /// <summary>Adds a job named <paramref name="name"/>: the example job's manifest under another name.</summary>
    internal static void AddJob(Workspace workspace, string name)
    {
        var manifest = File.ReadAllText(workspace.File($"copilot/{Job}/manifest.yml"))
            .Replace($"name: {Job}", $"name: {name}", StringComparison.Ordinal);
        workspace.Write($"copilot/{name}/manifest.yml", manifest);
    }

    /// <summary>Every file under <paramref name="directory"/>, relative, sorted; empty when it does not exist.</summary>
    internal static IReadOnlyList<string> FilesUnder(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)]
            : [];
}
