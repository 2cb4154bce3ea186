using System.IO.Abstractions;
using System.Runtime.InteropServices;
using System.Text;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Inputs;

/// <summary>
/// The one way input files are read (workspace summary, records, manifests, addons, overrides, env files, addons
/// assets): symbolic links are followed to a regular file, anything else (a FIFO, a device, a socket, a directory, a
/// dangling link or a link loop) is refused, and the size cap is enforced while reading, so a file that grows or a
/// device that never ends is cut off at the cap instead of trusting its length. Every failure is a located
/// <see cref="CopilotJobException"/>.
/// </summary>
internal static class InputFiles
{
    /// <summary>The largest input file read (CloudFormation itself accepts at most 1 MB of template).</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The largest addons asset (a Lambda function's code or a directory's file) read for upload.</summary>
    public const long MaxAssetBytes = 250L * 1024 * 1024;

    /// <summary>Reads a file's bytes, refusing anything but a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="displayPath">The path shown in messages.</param>
    /// <param name="maxBytes">The cap; reading stops (and fails) at the first byte beyond it.</param>
    /// <param name="location">Where the path was named (a manifest field), if not the file itself.</param>
    /// <param name="action">What the message says was attempted; <c>read file at "&lt;path&gt;"</c> by default.</param>
    /// <exception cref="CopilotJobException">The file is missing, not a regular file, unreadable or too large.</exception>
    public static byte[] ReadBytes(IFileSystem fileSystem, string path, string displayPath, long maxBytes = MaxFileBytes, SourceLocation? location = null, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        var where = location ?? new SourceLocation(displayPath, 1, 1);
        action ??= $"read file at \"{displayPath}\"";
        var resolved = ResolveRegularFile(fileSystem, path, displayPath, where, action);
        try
        {
            using var stream = fileSystem.File.Open(resolved, FileMode.Open, FileAccess.Read, FileShare.Read);
            // The size the file has now is only a hint (it may grow while read, and a FIFO or device has none): the
            // bound is checked on the bytes actually read. Sized by the hint, a manifest is read into one buffer of
            // its own size instead of through a large chunk and a growing copy.
            var hint = stream.CanSeek ? stream.Length : 0;
            var buffer = new byte[(int)Math.Clamp(hint + 1, 1, Math.Max(1, Math.Min(maxBytes + 1, 81920)))];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, Math.Max(maxBytes + 1, buffer.Length + 1L)));
                }

                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
                }

                if (length + read > maxBytes)
                {
                    throw new CopilotJobException(
                        $"{action}: the file is larger than {maxBytes} bytes, the most accepted",
                        where);
                }

                length += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Unreadable(action, where, ex);
        }
    }

    /// <summary>Reads a file's text (UTF-8, or the encoding its byte order mark names) like <see cref="ReadBytes"/>.</summary>
    /// <exception cref="CopilotJobException">The file is missing, not a regular file, unreadable or too large.</exception>
    public static string ReadText(IFileSystem fileSystem, string path, string displayPath, long maxBytes = MaxFileBytes, SourceLocation? location = null)
    {
        var bytes = ReadBytes(fileSystem, path, displayPath, maxBytes, location);
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// True when <paramref name="path"/> names something other than a directory (a file, a link — even a dangling or
    /// looping one —, a FIFO, a device): the callers then read it and get the precise error.
    /// </summary>
    public static bool Exists(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        try
        {
            if (fileSystem.Directory.Exists(path))
            {
                return false;
            }

            return fileSystem.File.Exists(path) || fileSystem.FileInfo.New(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Follows <paramref name="path"/>'s links to a regular file and returns that file's path.</summary>
    /// <exception cref="CopilotJobException">The path is missing, a dangling link, a loop, a directory or not a regular file.</exception>
    public static string ResolveRegularFile(IFileSystem fileSystem, string path, string displayPath, SourceLocation location, string? action = null)
    {
        action ??= $"read file at \"{displayPath}\"";
        ArgumentNullException.ThrowIfNull(fileSystem);
        string resolved;
        try
        {
            var info = fileSystem.FileInfo.New(path);
            resolved = path;
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists)
                {
                    throw new CopilotJobException(
                        $"{action}: it is a symbolic link to \"{info.LinkTarget}\", which does not exist",
                        location,
                        "Point the link at an existing file, or replace it with the file.");
                }

                resolved = target.FullName;
            }

            if (fileSystem.Directory.Exists(resolved))
            {
                throw new CopilotJobException($"{action}: it is a directory, not a file", location);
            }

            if (!fileSystem.File.Exists(resolved))
            {
                throw new CopilotJobException($"{action}: the file does not exist", location);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Unreadable(action, location, ex);
        }

        if (fileSystem is FileSystem && NativeFileKind.Of(resolved) is { } kind && kind != NativeFileKind.RegularFile)
        {
            throw new CopilotJobException(
                $"{action}: it is {NativeFileKind.Describe(kind)}, not a regular file; only regular files are read",
                location,
                "Replace it with a regular file.");
        }

        return resolved;
    }

    private static CopilotJobException Unreadable(string action, SourceLocation location, Exception ex)
    {
        var reason = ex switch
        {
            UnauthorizedAccessException => "permission denied",
            FileNotFoundException or DirectoryNotFoundException => "the file does not exist",
            _ => ex.Message,
        };
        return new CopilotJobException($"{action}: {reason}", location, innerException: ex);
    }

    /// <summary>
    /// The file type <c>stat(2)</c> reports, through the runtime's own native shim (present wherever .NET runs on
    /// Unix); .NET's managed API does not tell a FIFO or a device from a regular file, and opening a FIFO blocks.
    /// </summary>
    internal static class NativeFileKind
    {
        public const int RegularFile = 0x8000;

        private const int TypeMask = 0xF000;

        public static int? Of(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            try
            {
                // FileStatus starts with int32 Flags, int32 Mode; the buffer is larger than the whole structure.
                var status = new byte[512];
                return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & TypeMask : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        public static string Describe(int kind) => kind switch
        {
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x4000 => "a directory",
            0xC000 => "a socket",
            _ => "a special file",
        };

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}
