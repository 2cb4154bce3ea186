namespace Copilot.Tool.Tests.Support;

/// <summary>Tells a Native AOT executable from an app host that starts the .NET runtime.</summary>
internal static class NativeExecutable
{
    // An app host is some 70–80 KiB; the native tool carries the runtime and the program (15 MiB and more).
    private const long SmallestNativeTool = 4 * 1024 * 1024;

    /// <summary>True when <paramref name="path"/> is an executable of this platform's format holding the whole program.</summary>
    public static bool IsNative(string path)
    {
        var header = new byte[4];
        using (var file = File.OpenRead(path))
        {
            if (file.Read(header) < header.Length)
            {
                return false;
            }
        }

        var format = OperatingSystem.IsWindows() ? header[0] == 'M' && header[1] == 'Z'
            : OperatingSystem.IsMacOS() ? header is [0xCF, 0xFA, 0xED, 0xFE]
            : header is [0x7F, (byte)'E', (byte)'L', (byte)'F'];
        return format && new FileInfo(path).Length >= SmallestNativeTool;
    }
}
