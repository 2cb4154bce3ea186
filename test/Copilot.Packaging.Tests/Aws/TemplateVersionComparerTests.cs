using Copilot.Packaging.Stacks;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Aws;

public sealed class TemplateVersionComparerTests
{
    [TestCase("v1.29.0", "v1.35.0", -1)]
    [TestCase("v1.35.0", "v1.29.0", 1)]
    [TestCase("v1.35.0", "v1.35.0", 0)]
    [TestCase("v1.9.0", "v1.10.0", -1)]
    [TestCase("v1", "v1.0.0", 0)]
    [TestCase("v1.2", "v1.2.0", 0)]
    [TestCase("v1.35.0-rc.1", "v1.35.0", -1)]
    [TestCase("v1.35.0-alpha", "v1.35.0-beta", -1)]
    [TestCase("v1.35.0-rc.2", "v1.35.0-rc.10", -1)]
    [TestCase("v1.35.0-rc.1", "v1.35.0-rc.1.1", -1)]
    [TestCase("v1.35.0-1", "v1.35.0-alpha", -1)]
    [TestCase("v1.35.0+build.7", "v1.35.0+build.8", 0)]
    [TestCase("v1.35.0+build", "v1.35.0", 0)]
    [TestCase("1.35.0", "v0.0.1", -1)]
    [TestCase("bootstrap", "v0.0.0", -1)]
    [TestCase("garbage", "nonsense", 0)]
    [TestCase(null, "v0.0.0", -1)]
    [TestCase("v01.2.3", "v0.0.0", -1)]
    [TestCase("v1.2.3-01", "v0.0.0", -1)]
    [TestCase("v1.2-rc.1", "v0.0.0", -1)]
    public void Orders_versions_like_go_semver(string? left, string right, int expected)
    {
        Assert.That(Math.Sign(TemplateVersionComparer.Compare(left, right)), Is.EqualTo(expected));
    }

    [Test]
    public void Refuses_to_replace_a_stack_a_newer_release_deployed_with_copilots_message_and_advice()
    {
        var error = Assert.Throws<CopilotJobException>(() => TemplateVersionComparer.EnsureNotDowngrade("report", "v1.36.0", "v1.35.0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Is.EqualTo("cannot downgrade workload \"report\" (currently in version v1.36.0) to version v1.35.0"));
            Assert.That(error.Recommendation, Does.StartWith("It looks like you are trying to use an earlier version of Copilot to downgrade `workload report` lastly updated by a newer version of Copilot."));
            Assert.That(error.Recommendation, Does.Not.Contain("--"), "the core names no flag: the host adds --allow-downgrade");
        }
    }

    [TestCase("v1.29.0")]
    [TestCase("v1.35.0")]
    [TestCase("v1.35.0-rc.1")]
    [TestCase("v1.35.0+other-build")]
    [TestCase(null)]
    [TestCase("")]
    [TestCase("latest")]
    [TestCase("1.99.0")]
    public void Lets_older_equal_missing_and_non_semver_deployed_versions_through(string? deployed)
    {
        Assert.DoesNotThrow(() => TemplateVersionComparer.EnsureNotDowngrade("report", deployed, "v1.35.0"));
    }

    [Test]
    public void Our_default_version_is_valid_and_newer_than_the_last_copilot_release()
    {
        Assert.That(TemplateVersionComparer.Compare(Packaging.Synthesis.TemplateVersion.Current, "v1.34.1"), Is.Positive);
    }
}
