using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Copilot.Packaging.Conversions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Inputs;

namespace Copilot.Packaging.Upload;

/// <summary>
/// A local addons asset made ready for S3: a zip of a directory (or of a single file) with copilot's content hash,
/// or a plain file with the SHA-256 of its bytes.
/// </summary>
/// <param name="Content">The bytes to upload.</param>
/// <param name="HashHex">The hash that names the S3 key, lower-case hex.</param>
internal sealed record AssetArchive(ReadOnlyMemory<byte> Content, string HashHex)
{
    /// <summary>Permissions Go reports for files on Windows (no Unix modes there).</summary>
    private const UnixFileMode WindowsFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>Zip entries get this time so the same files give the same bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The file's bytes, hashed with SHA-256.</summary>
    public static AssetArchive PlainFile(IFileSystem fileSystem, string path, string? displayPath = null)
    {
        var bytes = InputFiles.ReadBytes(fileSystem, path, displayPath ?? path, InputFiles.MaxAssetBytes);
        return new AssetArchive(bytes, ArtifactPaths.Sha256Hex(bytes));
    }

    /// <summary>
    /// A zip of <paramref name="path"/> (every file below a directory, or the single file under its own name).
    /// The hash is SHA-256 over, for each file in lexical walk order, <c>&lt;relative name&gt; &lt;Go mode string&gt;</c>
    /// followed by the file's bytes; the zip bytes themselves are not hashed.
    /// </summary>
    /// <remarks>
    /// Only regular files are zipped, each read through <see cref="InputFiles"/>; a symbolic link inside the directory
    /// must resolve inside it, else the asset is refused (a link to <c>/etc/passwd</c> must not be uploaded). The whole
    /// archive's input is capped at <see cref="InputFiles.MaxAssetBytes"/>.
    /// </remarks>
    public static AssetArchive Zip(IFileSystem fileSystem, string path, string? displayPath = null)
    {
        displayPath ??= path;
        var files = fileSystem.Directory.Exists(path)
            ? Walk(fileSystem, path, string.Empty, WorkspaceConfinement.RealPath(fileSystem, fileSystem.Path.GetFullPath(path), displayPath, null), displayPath)
            : [(fileSystem.Path.GetFileName(path), path)];
        long total = 0;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, fullPath) in files)
            {
                var mode = Mode(fileSystem, fullPath);
                var bytes = InputFiles.ReadBytes(fileSystem, fullPath, $"{displayPath}/{name}", InputFiles.MaxAssetBytes - total);
                total += bytes.Length;
                hash.AppendData(Encoding.UTF8.GetBytes($"{name} {GoFileMode.RegularFile(mode)}"));
                hash.AppendData(bytes);

                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                entry.ExternalAttributes = (int)((0x8000u | (uint)mode) << 16);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return new AssetArchive(buffer.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Regular files below <paramref name="directory"/>, in Go's <c>filepath.Walk</c> order (names sorted bytewise at each level).</summary>
    private static List<(string Name, string FullPath)> Walk(IFileSystem fileSystem, string directory, string prefix, string realRoot, string displayRoot)
    {
        var files = new List<(string, string)>();
        var entries = fileSystem.Directory.EnumerateFileSystemEntries(directory)
            .Select(e => (Name: fileSystem.Path.GetFileName(e), FullPath: e))
            .OrderBy(e => e.Name, Utf8OrdinalComparer.Instance);
        foreach (var (name, fullPath) in entries)
        {
            var relative = prefix.Length == 0 ? name : $"{prefix}/{name}";
            var real = WorkspaceConfinement.RealPath(fileSystem, fileSystem.Path.GetFullPath(fullPath), $"{displayRoot}/{relative}", null);
            if (!WorkspaceConfinement.IsInside(real, realRoot) || string.Equals(real, realRoot, StringComparison.Ordinal))
            {
                throw new CopilotJobException(
                    $"\"{displayRoot}/{relative}\" is a symbolic link to \"{real}\", outside the directory \"{displayRoot}\" being zipped; links that leave the directory are refused",
                    recommendation: "Copy the file into the directory instead of linking to it, or remove the link.");
            }

            if (fileSystem.Directory.Exists(fullPath))
            {
                files.AddRange(Walk(fileSystem, fullPath, relative, realRoot, displayRoot));
            }
            else
            {
                files.Add((relative, fullPath));
            }
        }

        return files;
    }

    private static UnixFileMode Mode(IFileSystem fileSystem, string path) =>
        OperatingSystem.IsWindows()
            ? WindowsFileMode
            : fileSystem.File.GetUnixFileMode(path) & (UnixFileMode)0x1FF;
}
