using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Validation.Rules;

/// <summary>Windows containers on Fargate support neither EFS volumes nor a read-only root file system.</summary>
internal sealed class WindowsRule : IManifestRule
{
    /// <inheritdoc />
    public void Check(ScheduledJobManifest manifest, DiagnosticCollector diagnostics)
    {
        if (TaskPlatform.FromValid(manifest.Platform) is not { IsWindows: true } || manifest.Storage is null)
        {
            return;
        }

        foreach (var (name, volume) in manifest.Storage.Volumes)
        {
            if (volume.Efs is { } efs && (efs.IsManaged || efs.IsBringYourOwn))
            {
                diagnostics.Error(
                    FieldPath.Key(FieldPath.Key("storage.volumes", name), "efs"),
                    $"'EFS' is not supported when deploying a Windows container; remove \"efs\" from volume \"{name}\" or use a Linux platform");
            }
        }

        if (manifest.Storage.ReadonlyRootFs == true)
        {
            diagnostics.Error("storage.readonly_fs", "\"readonly_fs\" can not be set to 'true' when deploying a Windows container; remove it or set it to false");
        }
    }
}
