using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Overrides;

public sealed class OverridesLookupTests
{
    private OverridesTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new OverridesTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void Missing_directory_means_no_overrides()
    {
        Assert.That(_files.Load(), Is.Null);
    }

    [Test]
    public void Empty_directory_is_copilots_error()
    {
        Directory.CreateDirectory(_files.Directory);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        var dir = Path.GetFullPath(_files.Directory);
        Assert.That(ex.Message, Is.EqualTo($"look up overrider at \"{dir}\": directory at \"{dir}\" is empty"));
    }

    [Test]
    public void Patch_file_gives_yaml_patch_overrides()
    {
        _files.Patches("- op: remove\n  path: /a\n").Write("cdk.json", "{}");

        var overrides = _files.Load()!;

        Assert.That(overrides.PatchFile, Is.EqualTo("copilot/mailer/overrides/cfn.patches.yml"));
        Assert.That(overrides.PatchCount, Is.EqualTo(1));
    }

    [Test]
    public void Cdk_application_is_refused_with_advice_to_use_yaml_patches()
    {
        _files.Write("cdk.json", "{\"app\": \"npx ts-node bin/override.ts\"}").Write("package.json", "{}");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        Assert.That(ex.Message, Does.StartWith("CDK overrides are not supported"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/overrides/cdk.json"));
        Assert.That(ex.Recommendation, Does.Contain("copilot/mailer/overrides/cfn.patches.yml"));
    }

    [Test]
    public void Other_content_is_copilots_missing_cdk_json_error()
    {
        _files.Write("cfn.patches.yaml", "[]");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Load())!;

        var dir = Path.GetFullPath(_files.Directory);
        Assert.That(ex.Message, Is.EqualTo($"look up overrider at \"{dir}\": \"cdk.json\" does not exist under \"{dir}\""));
        Assert.That(ex.Recommendation, Does.Contain("cfn.patches.yml"));
    }
}
