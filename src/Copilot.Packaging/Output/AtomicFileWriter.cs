using System.IO.Abstractions;
using System.Security.Cryptography;
using System.Text;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Output;

/// <summary>
/// Replaces a set of files together, so that a failure or a cancellation at any point leaves either the previous
/// files or the new ones, never a mix, a truncated file or a stray temporary:
/// <list type="number">
/// <item>every file name is checked to stay inside the directory;</item>
/// <item>missing directories are created, remembered, and removed again unless the run succeeds;</item>
/// <item>every file is written to a uniquely named temporary beside its target (with the mode of the file it replaces);</item>
/// <item>under a per-directory lock, each target is replaced by its temporary (the old one kept as a backup); if a
/// replacement fails, the ones already made are undone from their backups;</item>
/// <item>temporaries, backups and created directories are removed on every exit path.</item>
/// </list>
/// </summary>
/// <remarks>
/// Two runs writing into one directory each stage their own uniquely named temporaries, and the lock makes their
/// replacement steps run one after the other, so the directory always holds one run's complete set (the later one).
/// The lock is a file in the system's temporary directory named after a hash of the output directory, held open
/// exclusively (an advisory <c>flock</c> on Unix); it is never deleted, as deleting a lock file races with a waiting
/// run, and it is kept out of the output directory so that nothing but the outputs is written there.
/// </remarks>
internal sealed class AtomicFileWriter(IFileSystem fileSystem)
{
    /// <summary>How long a run waits for another run writing into the same directory.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="files"/> into <paramref name="directory"/>, creating it if needed.</summary>
    /// <returns>The full paths written, in order.</returns>
    /// <exception cref="CopilotJobException">A name leaves the directory, or the directory or a file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the files were replaced; nothing was changed.</exception>
    public IReadOnlyList<string> WriteAll(string directory, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fullDirectory = fileSystem.Path.GetFullPath(directory);
        var targets = files.Select(f => Target(fullDirectory, f.FileName)).ToList();
        var createdDirectories = new List<string>();
        var staged = new List<Staged>();
        var succeeded = false;
        try
        {
            CreateDirectories(fullDirectory, createdDirectories);
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var target = targets[i];
                var temp = fileSystem.Path.Combine(fullDirectory, $".{files[i].FileName}.{Guid.NewGuid():N}.tmp");
                staged.Add(new Staged(temp, target, fileSystem.Path.Combine(fullDirectory, $".{files[i].FileName}.{Guid.NewGuid():N}.bak")));
                fileSystem.File.WriteAllText(temp, files[i].Content, Utf8NoBom);
                KeepMode(target, temp);
            }

            cancellationToken.ThrowIfCancellationRequested();
            using (AcquireLock(fullDirectory, cancellationToken))
            {
                ReplaceAll(staged);
            }

            succeeded = true;
            return targets;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CopilotJobException($"write output to {directory}: {ex.Message}", innerException: ex);
        }
        finally
        {
            foreach (var file in staged)
            {
                TryDelete(file.Temp);
                TryDelete(file.Backup);
            }

            if (!succeeded)
            {
                RemoveCreated(createdDirectories);
            }
        }
    }

    // The file's path in the directory; a name that is not a plain file name (separators, "..", rooted) is refused.
    private string Target(string directory, string fileName)
    {
        var target = fileSystem.Path.GetFullPath(fileSystem.Path.Combine(directory, fileName));
        if (fileName.Length == 0 || fileName is "." or ".." || fileName.IndexOfAny(['/', '\\', '\0']) >= 0
            || !string.Equals(fileSystem.Path.GetDirectoryName(target), directory.TrimEnd('/', '\\'), StringComparison.Ordinal))
        {
            throw new CopilotJobException(
                $"refusing to write \"{fileName}\": the name would leave the output directory {directory}",
                recommendation: "Application, environment and job names must follow copilot's naming rule (lower-case letters, digits and hyphens).");
        }

        return target;
    }

    private void CreateDirectories(string directory, List<string> created)
    {
        var missing = new Stack<string>();
        for (var current = directory; current is not null && !fileSystem.Directory.Exists(current); current = fileSystem.Path.GetDirectoryName(current))
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            fileSystem.Directory.CreateDirectory(next);
            created.Add(next);
        }
    }

    private void KeepMode(string target, string temp)
    {
        if (!OperatingSystem.IsWindows() && fileSystem.File.Exists(target))
        {
            fileSystem.File.SetUnixFileMode(temp, fileSystem.File.GetUnixFileMode(target));
        }
    }

    // Replaces every target; on a failure the replacements already made are undone, newest first.
    private void ReplaceAll(List<Staged> staged)
    {
        var done = new List<(Staged File, bool HadOld)>();
        try
        {
            foreach (var file in staged)
            {
                var hadOld = fileSystem.File.Exists(file.Target);
                if (hadOld)
                {
                    fileSystem.File.Replace(file.Temp, file.Target, file.Backup);
                }
                else
                {
                    fileSystem.File.Move(file.Temp, file.Target, overwrite: false);
                }

                done.Add((file, hadOld));
            }
        }
        catch
        {
            for (var i = done.Count - 1; i >= 0; i--)
            {
                var (file, hadOld) = done[i];
                try
                {
                    if (hadOld)
                    {
                        fileSystem.File.Move(file.Backup, file.Target, overwrite: true);
                    }
                    else
                    {
                        fileSystem.File.Delete(file.Target);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Best effort: the original error is what the user needs to see.
                }
            }

            throw;
        }
    }

    private FileSystemStream AcquireLock(string directory, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..32];
        var path = fileSystem.Path.Combine(fileSystem.Path.GetTempPath(), $"copilot-job-output-{hash}.lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return fileSystem.File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another run is replacing files in the same directory: wait for it.
                cancellationToken.WaitHandle.WaitOne(50);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private void RemoveCreated(List<string> created)
    {
        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (fileSystem.Directory.Exists(created[i]) && !fileSystem.Directory.EnumerateFileSystemEntries(created[i]).Any())
                {
                    fileSystem.Directory.Delete(created[i]);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort.
            }
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is what the user needs to see.
        }
    }

    private sealed record Staged(string Temp, string Target, string Backup);
}
