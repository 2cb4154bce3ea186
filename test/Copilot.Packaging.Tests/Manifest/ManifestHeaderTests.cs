using Copilot.Packaging.Manifest;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

public class ManifestHeaderTests
{
    [Test]
    public void Read_header_returns_name_and_type_with_locations()
    {
        var header = ManifestLoader.ReadHeader(new ManifestSource("# c\nname: report\ntype: Scheduled Job\nimage: {location: x}\n", ManifestFile));

        Assert.That((header.Name, header.Type, header.IsScheduledJob), Is.EqualTo(("report", "Scheduled Job", true)));
        Assert.That(header.NameLocation!.ToString(), Is.EqualTo($"{ManifestFile}:2:7"));
    }

    [Test]
    public void Read_header_of_a_service_is_not_a_job()
    {
        var header = ManifestLoader.ReadHeader(new ManifestSource("name: api\ntype: Load Balanced Web Service\n", ManifestFile));

        Assert.That(header.IsScheduledJob, Is.False);
    }

    [Test]
    public void Wrong_type_is_a_located_error()
    {
        var error = Fails("name: job\ntype: Backend Service\n");

        Assert.That(error.Describe(), Is.EqualTo($"{ManifestFile}:2:7: invalid manifest type: Backend Service"));
        Assert.That(error.Recommendation, Does.Contain("Scheduled Job"));
    }

    [Test]
    public void Name_must_match_the_directory()
    {
        var error = Fails(Header + "image:\n  location: x\n", expectedName: "report");

        Assert.That(error.Describe(), Is.EqualTo($"{ManifestFile}:1:7: name of the manifest \"job\" and directory \"report\" do not match"));
    }

    [Test]
    public void Matching_name_loads()
    {
        Assert.That(Load(Header + "image:\n  location: x\n", expectedName: "job").Manifest.Name, Is.EqualTo("job"));
    }

    [Test]
    public void Non_map_manifest_is_an_error()
    {
        Assert.That(Fails("- a\n- b\n").Message, Is.EqualTo("the manifest must be a map of fields, but it is a list"));
    }
}
