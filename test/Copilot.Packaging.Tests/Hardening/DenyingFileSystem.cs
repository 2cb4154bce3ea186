using System.IO.Abstractions;

namespace Copilot.Packaging.Tests.Hardening;

/// <summary>
/// The real file system, except that opening the files <c>deny</c> picks (and, with <c>denyListing</c>, listing
/// directories) throws <see cref="UnauthorizedAccessException"/>, as for a user without permission; tests run as root,
/// where permissions cannot be taken away.
/// </summary>
internal sealed class DenyingFileSystem : IFileSystem
{
    private readonly FileSystem _inner = new();

    public DenyingFileSystem(Func<string, bool> deny, bool denyListing = false)
    {
        File = new DenyingFile(this, deny);
        Directory = new DenyingDirectory(this, denyListing);
    }

    public IFile File { get; }

    public IDirectory Directory { get; }

    public IFileInfoFactory FileInfo => _inner.FileInfo;

    public IFileVersionInfoFactory FileVersionInfo => _inner.FileVersionInfo;

    public IFileStreamFactory FileStream => _inner.FileStream;

    public IPath Path => _inner.Path;

    public IRandomAccess RandomAccess => _inner.RandomAccess;

    public IDirectoryInfoFactory DirectoryInfo => _inner.DirectoryInfo;

    public IDriveInfoFactory DriveInfo => _inner.DriveInfo;

    public IFileSystemWatcherFactory FileSystemWatcher => _inner.FileSystemWatcher;

    private sealed class DenyingFile(IFileSystem fileSystem, Func<string, bool> deny) : FileWrapper(fileSystem)
    {
        public override FileSystemStream Open(string path, FileMode mode, FileAccess access, FileShare share) =>
            deny(path) ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : base.Open(path, mode, access, share);
    }

    private sealed class DenyingDirectory(IFileSystem fileSystem, bool denyListing) : DirectoryWrapper(fileSystem)
    {
        public override IEnumerable<string> EnumerateDirectories(string path) =>
            denyListing ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : base.EnumerateDirectories(path);
    }
}
