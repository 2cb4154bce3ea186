using Copilot.Packaging.Manifest.Model;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class StorageRuleTests
{
    [TestCase(20)]
    [TestCase(200)]
    public void Ephemeral_storage_at_the_limits_is_accepted(int size) =>
        AssertValid(Valid() with { Storage = new StorageConfig { Ephemeral = size } });

    [Test]
    public void Volume_without_path_is_refused()
    {
        var manifest = WithVolume(new VolumeConfig(), ("storage.volumes.data", 20, 5));

        AssertError(SingleError(manifest), "storage.volumes.data.path", $"{FilePath}:20:5", "\"path\" must be specified");
    }

    [Test]
    public void Volume_path_with_other_characters_is_refused()
    {
        var manifest = WithVolume(new VolumeConfig { Path = "/etc/my data" }, ("storage.volumes.data.path", 21, 13));

        AssertError(SingleError(manifest), "storage.volumes.data.path", $"{FilePath}:21:13", "path can only contain the characters a-zA-Z0-9.-_/; got \"/etc/my data\"");
    }

    [Test]
    public void Existing_file_system_options_without_an_id_are_refused()
    {
        var manifest = WithVolume(
            new VolumeConfig { Path = "/data", Efs = new EfsConfig { RootDirectory = "/shared" } },
            ("storage.volumes.data.efs", 22, 12));

        AssertError(SingleError(manifest), "storage.volumes.data.efs.id", $"{FilePath}:22:12", "\"id\" must be specified when \"root_dir\" or \"auth\" is used");
    }

    [Test]
    public void Access_point_with_root_slash_and_iam_is_accepted() =>
        AssertValid(WithVolume(new VolumeConfig
        {
            Path = "/data",
            Efs = new EfsConfig { FileSystemIdFromCfn = "SharedFs", RootDirectory = "/", Auth = new EfsAuthConfig { Iam = true, AccessPointId = "fsap-1" } },
        }));

    [Test]
    public void Managed_efs_gid_outside_posix_range_is_refused()
    {
        var manifest = WithVolume(new VolumeConfig { Path = "/data", Efs = new EfsConfig { Uid = 1000, Gid = -1 } });

        AssertError(SingleError(manifest), "storage.volumes.data.efs.gid", $"{FilePath}:1:1", "\"gid\" must be a POSIX ID between 0 and 4294967295; got -1");
    }

    [Test]
    public void Efs_false_volumes_are_not_managed_so_any_number_is_accepted() =>
        AssertValid(Valid() with
        {
            Storage = new StorageConfig
            {
                Volumes = new Dictionary<string, VolumeConfig>
                {
                    ["a"] = new() { Path = "/a", Efs = new EfsConfig { Enabled = false } },
                    ["b"] = new() { Path = "/b", Efs = new EfsConfig { Enabled = true } },
                    ["c"] = new() { Path = "/c" },
                },
            },
        });

    private static ScheduledJobManifest WithVolume(VolumeConfig volume, params (string Path, int Line, int Column)[] locations) =>
        Valid(locations) with
        {
            Storage = new StorageConfig { Volumes = new Dictionary<string, VolumeConfig> { ["data"] = volume } },
        };
}
