using System.Reflection;

namespace Copilot.Packaging.Synthesis.EnvController;

/// <summary>Reads resources that the build embeds in this assembly.</summary>
internal static class EmbeddedResourceReader
{
    /// <summary>Returns all bytes of the named resource, or throws when the build did not embed it.</summary>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly.</exception>
    public static byte[] ReadAll(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{resourceName}' is missing from {assembly.GetName().Name}; "
                + "it is produced at build time (see build/EnvControllerZip.targets), so the assembly was built without it.");
        using var buffer = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
