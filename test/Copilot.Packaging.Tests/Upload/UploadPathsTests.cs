using Copilot.Packaging.Aws.Upload;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Upload;
using System.IO.Abstractions;

namespace Copilot.Packaging.Tests.Upload;

/// <summary>Pure rules of the upload: S3 keys and ARNs, Go mode strings, docker platform and Dockerfile resolution.</summary>
[TestFixture]
public sealed class UploadPathsTests
{
    [TestCase("env/app.env", "manual/env-files/app.env/")]
    [TestCase("app.env", "manual/env-files/app.env/")]
    [TestCase("./config/.env", "manual/env-files/.env/")]
    [TestCase("config\\win.env", "manual/env-files/win.env/")]
    public void Env_file_keys_use_the_file_name_and_the_content_hash(string path, string prefix)
    {
        var key = ArtifactPaths.EnvFile(path, "A=1\n"u8);

        Assert.That(key, Is.EqualTo($"{prefix}91d6a3d55e9fea7911c537afae6607c77fa8bc0f3a76c375e104ac5a8cfa84db.env"));
    }

    [Test]
    public void The_sha256_is_lower_case_hex_of_the_bytes() =>
        Assert.That(ArtifactPaths.Sha256Hex("abc"u8), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    [TestCase("aws", "arn:aws:s3:::bucket/manual/x.env")]
    [TestCase("aws-cn", "arn:aws-cn:s3:::bucket/manual/x.env")]
    public void Env_file_ARNs_carry_the_partition(string partition, string expected) =>
        Assert.That(ArtifactPaths.Arn(partition, "bucket", "manual/x.env"), Is.EqualTo(expected));

    [TestCase("us-west-2", "https://b.s3.us-west-2.amazonaws.com/k.yml")]
    [TestCase("cn-north-1", "https://b.s3.cn-north-1.amazonaws.com.cn/k.yml")]
    public void Template_URLs_are_virtual_hosted(string region, string expected) =>
        Assert.That(ArtifactPaths.Url("b", region, "k.yml"), Is.EqualTo(expected));

    [TestCase(0b110_100_100, "-rw-r--r--")]
    [TestCase(0b111_101_101, "-rwxr-xr-x")]
    [TestCase(0b110_110_110, "-rw-rw-rw-")]
    [TestCase(0, "----------")]
    public void File_modes_print_like_go(int mode, string expected) =>
        Assert.That(GoFileMode.RegularFile((UnixFileMode)mode), Is.EqualTo(expected));

    [TestCase("linux/arm64", null, null, "linux/arm64")]
    [TestCase("Linux/X86_64", null, null, "linux/x86_64")]
    [TestCase("windows/amd64", null, null, "windows/amd64")]
    [TestCase(null, "windows_server_2022_full", "x86_64", "windows/x86_64")]
    [TestCase(null, "linux", "arm", "linux/arm")]
    public void Docker_platform_is_os_slash_arch_lower_cased(string? text, string? os, string? arch, string expected) =>
        Assert.That(ImagePublisher.DockerPlatform(new PlatformConfig { Text = text, OsFamily = os, Architecture = arch }), Is.EqualTo(expected));

    [Test]
    public void No_platform_gives_no_docker_platform() =>
        Assert.That(ImagePublisher.DockerPlatform(null), Is.Null);

    [TestCase("build/Dockerfile", null, null, "build/Dockerfile", "build")]
    [TestCase("Dockerfile", null, null, "Dockerfile", ".")]
    [TestCase(null, "web/Dockerfile.prod", ".", "web/Dockerfile.prod", ".")]
    [TestCase(null, "web/Dockerfile.prod", null, "web/Dockerfile.prod", "web")]
    [TestCase(null, null, "web", "web/Dockerfile", "web")]
    [TestCase(null, null, null, "Dockerfile", ".")]
    public void Dockerfile_and_context_resolve_against_the_workspace_root(string? path, string? dockerfile, string? context, string expectedDockerfile, string expectedContext)
    {
        using var temp = new TempDirectory();
        temp.Write(expectedDockerfile, "FROM scratch\n");
        var build = new BuildConfig { DockerfilePath = path, Dockerfile = dockerfile, Context = context };

        var location = DockerBuildCommand.Locate(new FileSystem(), build, temp.Path, "report");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(location.Dockerfile, Is.EqualTo(Path.GetFullPath(Path.Combine(temp.Path, expectedDockerfile))));
            Assert.That(location.Context, Is.EqualTo(Path.GetFullPath(Path.Combine(temp.Path, expectedContext))));
        }
    }
}
