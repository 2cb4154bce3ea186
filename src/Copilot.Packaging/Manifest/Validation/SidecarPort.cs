using System.Globalization;

namespace Copilot.Packaging.Manifest.Validation;

/// <summary>A sidecar's <c>port</c> (<c>8080</c> or <c>8080/tcp</c>) split into its number and protocol.</summary>
/// <param name="Number">The port text before the <c>/</c>.</param>
/// <param name="Protocol">The protocol in upper case; TCP when none was written.</param>
internal sealed record SidecarPort(string Number, string Protocol)
{
    /// <summary>Splits <paramref name="text"/>, or explains why it is not a port mapping.</summary>
    /// <returns>The port, or null with <paramref name="error"/> set.</returns>
    public static SidecarPort? Split(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            error = $"cannot parse port mapping from {text}; expected \"<port>\" or \"<port>/<protocol>\", for example 8080/tcp";
            return null;
        }

        if (parts.Length == 1)
        {
            return new SidecarPort(parts[0], "TCP");
        }

        var protocol = parts[1].ToUpperInvariant();
        if (protocol is not ("TCP" or "UDP"))
        {
            error = $"invalid protocol {parts[1]}; valid protocols include TCP and UDP";
            return null;
        }

        return new SidecarPort(parts[0], protocol);
    }

    /// <summary>The port number, when <see cref="Number"/> is an unsigned 16-bit integer.</summary>
    public bool TryGetNumber(out ushort number) =>
        ushort.TryParse(Number, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
