using Copilot.Testing;

namespace Copilot.Tool.Tests.Support;

/// <summary>A throwaway copy of a workspace in a temp directory.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string path) => Path = path;

    public string Path { get; }

    public static Workspace CopyOfExample()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "copilot-job-tool-tests", Guid.NewGuid().ToString("N"));
        RepositoryPaths.CopyExample(target);
        return new Workspace(target);
    }

    /// <summary>A workspace already at <paramref name="path"/>, which the caller deletes.</summary>
    public static Workspace At(string path) => new(path);

    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public void Write(string relativePath, string content)
    {
        var full = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
