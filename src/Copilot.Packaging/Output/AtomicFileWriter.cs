using System.IO.Abstractions;
using System.IO.Hashing;
using System.Text;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Output;

/// <summary>
/// Replaces a set of files together, so that a failure or a cancellation at any point leaves either the previous
/// files or the new ones, never a mix, a truncated file or a stray temporary:
/// <list type="number">
/// <item>every file name is checked to stay inside the directory;</item>
/// <item>missing directories are created, remembered, and removed again unless the run succeeds;</item>
/// <item>a file that already holds exactly its new content is left as it is (its time stamps stay);</item>
/// <item>every other file is written to a uniquely named temporary beside its target (with the mode of the file it replaces);</item>
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
    /// <returns>The full paths of the files, in order (rewritten or already holding their content).</returns>
    /// <exception cref="CopilotJobException">A name leaves the directory, or the directory or a file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the files were replaced; nothing was changed.</exception>
    public IReadOnlyList<string> WriteAll(string directory, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken = default) =>
        Write(directory, files, cancellationToken).Paths;

    /// <summary>
    /// As <see cref="WriteAll"/>, and says which files already held exactly their new content: those are left as they
    /// are (not replaced, so their time stamps stay), the others are replaced together.
    /// </summary>
    public AtomicWriteResult Write(string directory, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fullDirectory = fileSystem.Path.GetFullPath(directory);
        var targets = files.Select(f => Target(fullDirectory, f.FileName)).ToList();
        var contents = files.Select(f => Utf8NoBom.GetBytes(f.Content)).ToList();
        var createdDirectories = new List<string>();
        var staged = new List<Staged>();
        var unchanged = new bool[files.Count];
        var succeeded = false;
        try
        {
            CreateDirectories(fullDirectory, createdDirectories);
            // A batch's many files are compared side by side (reading needs no lock).
            SideBySide.For(targets.Count, i => unchanged[i] = Holds(targets[i], contents[i]), cancellationToken);
            for (var i = 0; i < files.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!unchanged[i])
                {
                    staged.Add(Stage(fullDirectory, files[i].FileName, targets[i], contents[i]));
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            using (AcquireLock(fullDirectory, cancellationToken))
            {
                // Another run may have replaced a file since it was compared: under the lock, compare again.
                for (var i = 0; i < files.Count; i++)
                {
                    if (unchanged[i] && !Holds(targets[i], contents[i]))
                    {
                        unchanged[i] = false;
                        staged.Add(Stage(fullDirectory, files[i].FileName, targets[i], contents[i]));
                    }
                }

                ReplaceAll(staged);
            }

            succeeded = true;
            return new AtomicWriteResult(targets, [.. targets.Where((_, i) => unchanged[i])]);
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

    // The temporary beside the target, written with the mode of the file it replaces.
    private Staged Stage(string directory, string fileName, string target, byte[] content)
    {
        var staged = new Staged(
            fileSystem.Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.tmp"),
            target,
            fileSystem.Path.Combine(directory, $".{fileName}.{Guid.NewGuid():N}.bak"));
        fileSystem.File.WriteAllBytes(staged.Temp, content);
        KeepMode(target, staged.Temp);
        return staged;
    }

    // True when the target is a regular file (not a link) holding exactly these bytes. Only a file of the same,
    // non-zero length is read, and no more than one byte past that length.
    private bool Holds(string target, byte[] content)
    {
        try
        {
            var info = fileSystem.FileInfo.New(target);
            if (content.Length == 0 || !info.Exists || info.LinkTarget is not null || info.Length != content.Length)
            {
                return false;
            }

            using var stream = fileSystem.File.Open(target, FileMode.Open, FileAccess.Read, FileShare.Read);
            var existing = System.Buffers.ArrayPool<byte>.Shared.Rent(content.Length + 1);
            try
            {
                var length = 0;
                int read;
                while ((read = stream.Read(existing, length, content.Length + 1 - length)) > 0)
                {
                    length += read;
                    if (length == content.Length + 1)
                    {
                        return false;
                    }
                }

                return existing.AsSpan(0, length).SequenceEqual(content);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(existing);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
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
        // XxHash128, not a cryptographic hash: the name only needs to differ between directories, and writing files
        // should not load the cryptography stack.
        var hash = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(directory)));
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
