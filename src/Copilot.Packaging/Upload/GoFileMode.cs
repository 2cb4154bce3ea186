using System.Text;

namespace Copilot.Packaging.Upload;

/// <summary>Go's <c>fs.FileMode.String()</c> for regular files (<c>-rw-r--r--</c>), which copilot feeds into asset hashes.</summary>
internal static class GoFileMode
{
    /// <summary>The mode string of a regular file with permission bits <paramref name="mode"/>.</summary>
    public static string RegularFile(UnixFileMode mode)
    {
        var text = new StringBuilder("-", 10);
        ReadOnlySpan<(UnixFileMode Bit, char Letter)> bits =
        [
            (UnixFileMode.UserRead, 'r'), (UnixFileMode.UserWrite, 'w'), (UnixFileMode.UserExecute, 'x'),
            (UnixFileMode.GroupRead, 'r'), (UnixFileMode.GroupWrite, 'w'), (UnixFileMode.GroupExecute, 'x'),
            (UnixFileMode.OtherRead, 'r'), (UnixFileMode.OtherWrite, 'w'), (UnixFileMode.OtherExecute, 'x'),
        ];
        foreach (var (bit, letter) in bits)
        {
            text.Append((mode & bit) != 0 ? letter : '-');
        }

        return text.ToString();
    }
}
