using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary><c>platform</c>: the string form must be a known <c>os/arch</c>; the map form a known (osfamily, architecture) pair.</summary>
internal sealed class PlatformRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        var platform = manifest.Platform;
        if (platform is null)
        {
            return;
        }

        if (platform.Text is { } text)
        {
            CheckString(text, diagnostics);
        }
        else
        {
            CheckPair(platform.OsFamily, platform.Architecture, diagnostics);
        }
    }

    private static void CheckString(string text, DiagnosticCollector diagnostics)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text.Split('/').Length != 2)
        {
            diagnostics.Error("platform", $"platform '{text}' must be in the format [OS]/[Arch], for example linux/x86_64");
            return;
        }

        if (!TaskPlatform.ValidStrings.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            var valid = string.Join(", ", TaskPlatform.ValidStrings.Take(TaskPlatform.ValidStrings.Count - 1)) + " and " + TaskPlatform.ValidStrings[^1];
            diagnostics.Error("platform", $"platform '{text}' is invalid; valid platforms are: {valid}");
        }
    }

    private static void CheckPair(string? os, string? arch, DiagnosticCollector diagnostics)
    {
        var hasOs = !string.IsNullOrEmpty(os);
        var hasArch = !string.IsNullOrEmpty(arch);
        if (!hasOs && !hasArch)
        {
            return;
        }

        if (hasOs != hasArch)
        {
            diagnostics.Error(
                hasOs ? "platform.osfamily" : "platform.architecture",
                "fields \"osfamily\" and \"architecture\" must either both be specified or both be empty");
            return;
        }

        if (!TaskPlatform.ValidPairs.Contains((os!, arch!)))
        {
            var valid = string.Join(", ", TaskPlatform.ValidPairs.Select(p => $"('{p.Os}', '{p.Arch}')"));
            diagnostics.Error(
                "platform.osfamily",
                $"platform pair ('{os}', '{arch}') is invalid: fields ('osfamily', 'architecture') must be one of {valid}");
        }
    }
}
