using System.Buffers;
using System.Globalization;
using System.Text;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Manifest.Reading;

/// <summary>Checks manifest bytes and text before YAML parsing: size, strict UTF-8, and characters YAML allows.</summary>
internal static class ManifestTextCheck
{
    /// <summary>Decodes strict UTF-8 (a leading byte-order mark is dropped), or reports where the first invalid byte is.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string displayPath)
    {
        if (bytes.Length > ManifestReadLimits.MaxBytes)
        {
            throw TooLarge(bytes.Length, displayPath);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var (line, column) = ByteLineColumn(bytes, offset);
                throw new CopilotJobException(
                    string.Create(CultureInfo.InvariantCulture, $"the manifest is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} cannot be decoded"),
                    new SourceLocation(displayPath, line, column),
                    "Save the manifest as UTF-8.");
            }

            offset += consumed;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Rejects text that is too large or holds characters YAML does not allow (control characters, lone surrogates).</summary>
    public static void CheckText(string text, string displayPath)
    {
        if (text.Length > ManifestReadLimits.MaxBytes || Encoding.UTF8.GetByteCount(text) > ManifestReadLimits.MaxBytes)
        {
            throw TooLarge(Encoding.UTF8.GetByteCount(text), displayPath);
        }

        var line = 1;
        var column = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\u007F' && !(c is >= '\u0080' and <= '\u009F' && c != '\u0085') && c is not ('\uFFFE' or '\uFFFF'));
            if (char.IsHighSurrogate(c))
            {
                ok = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (ok)
                {
                    i++;
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                ok = false;
            }
            else if (c == '\uFEFF' && i == 0)
            {
                ok = true;
            }

            if (!ok)
            {
                throw new CopilotJobException(
                    string.Create(CultureInfo.InvariantCulture, $"the manifest contains the character U+{(int)c:X4}, which YAML does not allow"),
                    new SourceLocation(displayPath, line, column),
                    "Remove the character, or write it as an escape inside a double-quoted string.");
            }

            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
    }

    private static CopilotJobException TooLarge(long size, string displayPath) => new(
        string.Create(CultureInfo.InvariantCulture, $"the manifest is {size} bytes, more than the {ManifestReadLimits.MaxBytes} bytes allowed"),
        new SourceLocation(displayPath, 1, 1));

    private static (int Line, int Column) ByteLineColumn(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, offset - lastNewline);
    }
}
