using Copilot.Packaging.Manifest.Model;
using static Copilot.Packaging.Tests.Manifest.Validation.TestManifests;

namespace Copilot.Packaging.Tests.Manifest.Validation;

public class ImagePlatformAndCountRuleTests
{
    [Test]
    public void Image_without_build_or_location_is_refused()
    {
        var manifest = Valid(("image", 4, 1)) with { Image = new ImageConfig() };

        AssertError(SingleError(manifest), "image", $"{FilePath}:4:1", "must specify one of \"build\" and \"location\"; neither is set");
    }

    [Test]
    public void Image_built_from_a_dockerfile_is_accepted() =>
        AssertValid(Valid() with { Image = new ImageConfig { Build = new BuildConfig { DockerfilePath = "Dockerfile" } } });

    [TestCase("linux/arm64")]
    [TestCase("LINUX/X86_64")]
    [TestCase("windows/amd64")]
    public void Known_platform_strings_are_accepted_in_any_case(string platform) =>
        AssertValid(Valid() with { Platform = new PlatformConfig { Text = platform }, Cpu = 1024, Memory = 2048 });

    [Test]
    public void Platform_string_with_two_slashes_is_not_in_os_arch_format()
    {
        var manifest = Valid(("platform", 8, 11)) with { Platform = new PlatformConfig { Text = "linux/arm/v7" } };

        AssertError(SingleError(manifest), "platform", $"{FilePath}:8:11", "platform 'linux/arm/v7' must be in the format [OS]/[Arch]");
    }

    [TestCase("linux", null, "platform.osfamily")]
    [TestCase(null, "arm64", "platform.architecture")]
    public void Platform_map_needs_both_fields(string? os, string? arch, string field)
    {
        var manifest = Valid((field, 9, 5)) with { Platform = new PlatformConfig { OsFamily = os, Architecture = arch } };

        AssertError(SingleError(manifest), field, $"{FilePath}:9:5", "fields \"osfamily\" and \"architecture\" must either both be specified or both be empty");
    }

    [Test]
    public void Platform_map_with_a_windows_server_family_is_accepted() =>
        AssertValid(Valid() with
        {
            Platform = new PlatformConfig { OsFamily = "windows_server_2022_full", Architecture = "x86_64" },
            Cpu = 2048,
            Memory = 4096,
        });

    [Test]
    public void Count_with_autoscaling_is_refused_for_jobs()
    {
        var manifest = Valid(("count", 12, 8)) with { CountHasAutoscaling = true };

        AssertError(SingleError(manifest), "count", $"{FilePath}:12:8", "cannot have autoscaling options for workloads of type 'Scheduled Job'");
    }
}
