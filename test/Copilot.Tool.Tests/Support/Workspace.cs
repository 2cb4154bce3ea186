namespace Copilot.Tool.Tests.Support;

/// <summary>A throwaway copy of a workspace in a temp directory.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string path) => Path = path;

    public string Path { get; }

    public static Workspace CopyOfExample()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "copilot-job-tool-tests", Guid.NewGuid().ToString("N"));
        Copy(RepositoryPaths.ExampleWorkspace, target);
        return new Workspace(target);
    }

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

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(f => System.IO.Path.GetFileName(f) != "dotnet-tools.json"))
        {
            // A tool manifest left by ./build/run-example.sh is not part of the example.
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (name is "out" or ".config")
            {
                continue;
            }

            Copy(dir, System.IO.Path.Combine(target, name));
        }
    }
}
