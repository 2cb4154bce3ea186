using Copilot.Testing;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using Copilot.Packaging.Synthesis;
using Copilot.Packaging.Synthesis.EnvController;

namespace Copilot.Packaging.Tests.Synthesis.EnvController;

public class EnvControllerCodeTests
{
    [Test]
    public void Zip_holds_exactly_one_entry_index_js_with_the_handler_source_bytes()
    {
        using var archive = new ZipArchive(new MemoryStream(EnvControllerCode.Zip.ToArray()), ZipArchiveMode.Read);

        Assert.That(archive.Entries.Select(e => e.FullName), Is.EqualTo(new[] { "index.js" }));
        using var content = new MemoryStream();
        using (var entry = archive.Entries[0].Open())
        {
            entry.CopyTo(content);
        }
        Assert.That(content.ToArray(), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "envcontroller", "index.js"))));
    }

    [Test]
    public void Zip_entry_is_stored_uncompressed_with_a_fixed_time_stamp_and_permissions()
    {
        var bytes = EnvControllerCode.Zip.ToArray();
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = archive.Entries[0];

        Assert.Multiple(() =>
        {
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes), Is.EqualTo(0x04034B50u), "starts with a local file header");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), Is.Zero, "compression method: stored");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)), Is.Zero, "DOS time 00:00:00");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(12)), Is.EqualTo(0x0021), "DOS date 1980-01-01");
            Assert.That(entry.LastWriteTime.DateTime, Is.EqualTo(new DateTime(1980, 1, 1)));
            Assert.That(entry.CompressedLength, Is.EqualTo(entry.Length));
            Assert.That((uint)entry.ExternalAttributes, Is.EqualTo(0x81A4u << 16), "regular file, mode 0644");
        });
    }

    [Test]
    public void S3_key_names_the_sha256_of_the_zip()
    {
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(EnvControllerCode.Zip.Span));

        Assert.That(EnvControllerCode.Sha256Hex, Is.EqualTo(expectedHash));
        Assert.That(EnvControllerCode.S3Key, Is.EqualTo($"manual/scripts/custom-resources/envcontrollerfunction/{expectedHash}.zip"));
        Assert.That(EnvControllerCode.S3Key, Does.Match("^manual/scripts/custom-resources/envcontrollerfunction/[0-9a-f]{64}\\.zip$"));
    }

    [Test]
    public void Locate_puts_the_key_in_the_given_bucket() =>
        Assert.That(EnvControllerCode.Locate("stackset-app-bucket"),
            Is.EqualTo(new S3Location("stackset-app-bucket", EnvControllerCode.S3Key)));

    [Test]
    public void Locate_rejects_an_empty_bucket() =>
        Assert.That(() => EnvControllerCode.Locate(""), Throws.ArgumentException);

    [Test]
    public void Reading_a_missing_resource_fails_with_its_name()
    {
        var assembly = typeof(EnvControllerCode).Assembly;

        Assert.That(() => EmbeddedResourceReader.ReadAll(assembly, "No.Such.Resource.zip"),
            Throws.InvalidOperationException.With.Message.Contains("No.Such.Resource.zip"));
        Assert.That(assembly.GetManifestResourceNames(), Does.Contain(EnvControllerCode.ResourceName));
    }
}
