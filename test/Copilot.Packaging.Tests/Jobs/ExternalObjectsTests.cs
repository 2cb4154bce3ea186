using System.IO.Abstractions;
using System.Security.Cryptography;
using System.Text;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Tests.Synthesis;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Tests.Upload;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>The S3 objects a job refers to that only --upload-assets creates, listed from the synthesis input.</summary>
public class ExternalObjectsTests
{
    private static readonly FileSystem Files = new();

    [Test]
    public void Env_files_are_listed_once_per_file_under_the_content_key_an_upload_would_use_after_the_env_controller_code()
    {
        using var workspace = new TempDirectory();
        workspace.Write("job.env", "A=1\n");
        var manifest = SynthesisFixtures.MinimalManifest() with
        {
            EnvFile = "job.env",
            Sidecars = new Dictionary<string, SidecarConfig> { ["nginx"] = new() { ImageLocation = "nginx", EnvFile = "job.env" } },
            Logging = new LoggingConfig { EnvFile = "missing.env" },
        };
        var input = SynthesisFixtures.Input(manifest);

        var objects = ExternalObjects.NotUploaded(input, Files, workspace.Path);

        var bucket = input.Regional.Bucket;
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("A=1\n")));
        Assert.That(objects.Select(o => o.Where), Is.EqualTo(new[]
        {
            $"s3://{input.EnvControllerCode.Bucket}/{input.EnvControllerCode.Key}",
            $"s3://{bucket}/manual/env-files/job.env/{sha}.env",
            "missing.env",
        }));
        Assert.That(objects[1].What, Does.StartWith("env_file job.env of report, nginx;"));
        Assert.That(objects[2].What, Does.StartWith("env_file missing.env of firelens_log_router;"));
    }

    [Test]
    public void An_env_file_outside_the_workspace_is_named_but_not_read()
    {
        using var workspace = new TempDirectory();
        var input = SynthesisFixtures.Input(SynthesisFixtures.MinimalManifest() with { EnvFile = "../../../etc/hostname" });

        var objects = ExternalObjects.NotUploaded(input, Files, workspace.Path);

        Assert.That(objects[^1].Where, Is.EqualTo("../../../etc/hostname"));
    }

    [Test]
    public void Addons_that_were_not_uploaded_are_named_with_the_parameter_left_empty()
    {
        var input = SynthesisFixtures.Input(SynthesisFixtures.MinimalManifest()) with { Addons = SynthesisAddons.Orders() };

        var objects = ExternalObjects.NotUploaded(input, Files, Path.GetTempPath());

        Assert.That(objects.Select(o => o.Where), Is.EqualTo(new[] { $"s3://{input.EnvControllerCode.Bucket}/{input.EnvControllerCode.Key}", "copilot/report/addons" }));
        Assert.That(objects[1].What, Does.Contain("AddonsTemplateURL stays empty, so the addons stack is not created"));
    }

    [Test]
    public void Uploaded_env_files_and_addons_are_not_listed()
    {
        var input = SynthesisFixtures.Input(SynthesisFixtures.MinimalManifest() with { EnvFile = "job.env" }) with
        {
            Addons = SynthesisAddons.Orders(),
            AddonsTemplateUrl = "https://bucket.s3.us-west-2.amazonaws.com/manual/addons/report/x.yml",
            EnvFileArns = new Dictionary<string, string> { ["report"] = "arn:aws:s3:::bucket/manual/env-files/job.env/x.env" },
        };

        Assert.That(ExternalObjects.NotUploaded(input, Files, Path.GetTempPath()), Has.Count.EqualTo(1));
    }

    [TestCase(false, false, 1)]
    [TestCase(true, false, 0)]
    [TestCase(false, true, 0)]
    public void The_notice_is_one_warning_and_only_when_nothing_is_uploaded_or_diffed(bool upload, bool diff, int warnings)
    {
        var reporter = new RecordingReporter();
        PackageMode mode = diff ? new PackageMode.Diff() : new PackageMode.Print { Assets = upload ? new AssetUpload() : null };

        ExternalObjects.ReportNotUploaded(reporter, mode, SynthesisFixtures.Input(SynthesisFixtures.MinimalManifest()), Files, Path.GetTempPath());

        Assert.That(reporter.Lines.Count(l => l.StartsWith("warning: the template refers to S3 objects this run did not upload", StringComparison.Ordinal)), Is.EqualTo(warnings));
        Assert.That(reporter.Lines, Has.Count.EqualTo(warnings));
    }
}
