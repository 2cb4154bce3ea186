using System.IO.Abstractions;
using System.Text;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Output;

/// <summary>
/// Writes a set of files so that a failure leaves nothing new or truncated behind: every file is first written to a
/// temporary file beside its target, and only when all of them are written are they renamed into place.
/// </summary>
public sealed class AtomicFileWriter(IFileSystem fileSystem)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="files"/> into <paramref name="directory"/>, creating it if needed.</summary>
    /// <returns>The full paths written, in order.</returns>
    /// <exception cref="CopilotJobException">The directory or a file cannot be written.</exception>
    public IReadOnlyList<string> WriteAll(string directory, IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fullDirectory = fileSystem.Path.GetFullPath(directory);
        var createdDirectory = !fileSystem.Directory.Exists(fullDirectory);
        var staged = new List<(string Temp, string Target)>();
        try
        {
            fileSystem.Directory.CreateDirectory(fullDirectory);
            foreach (var file in files)
            {
                var target = fileSystem.Path.Combine(fullDirectory, file.FileName);
                var temp = fileSystem.Path.Combine(fullDirectory, $".{file.FileName}.{Guid.NewGuid():N}.tmp");
                staged.Add((temp, target));
                fileSystem.File.WriteAllText(temp, file.Content, Utf8NoBom);
            }

            foreach (var (temp, target) in staged)
            {
                fileSystem.File.Move(temp, target, overwrite: true);
            }

            return [.. staged.Select(s => s.Target)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in staged)
            {
                TryDelete(temp);
            }

            if (createdDirectory && fileSystem.Directory.Exists(fullDirectory) && !fileSystem.Directory.EnumerateFileSystemEntries(fullDirectory).Any())
            {
                fileSystem.Directory.Delete(fullDirectory);
            }

            throw new CopilotJobException($"write output to {directory}: {ex.Message}", innerException: ex);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            if (fileSystem.File.Exists(path))
            {
                fileSystem.File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Best effort: the original error is what the user needs to see.
        }
    }
}
