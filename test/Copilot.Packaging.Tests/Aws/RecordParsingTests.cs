using Copilot.Packaging.Errors;
using Copilot.Packaging.Aws.Records;

namespace Copilot.Packaging.Tests.Aws;

public sealed class RecordParsingTests
{
    [TestCase("{\"Version\":\"v1.42.0\",\"Manifest\":\"name: test\\n\"}", "v1.42.0")]
    [TestCase("Version: v1.28.0\n", "v1.28.0")]
    [TestCase("{\"Manifest\":\"x\"}", null)]
    [TestCase("{\"Version\":\"\"}", null)]
    [TestCase("{\"Version\":3}", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    [TestCase("[1, 2", null)]
    public void Reads_the_version_from_template_metadata(string? metadata, string? expected)
    {
        Assert.That(TemplateMetadata.ReadVersion(metadata), Is.EqualTo(expected));
    }

    [TestCase("arn:aws:ecr:us-west-2:123456789012:repository/my-app/report", "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report")]
    [TestCase("arn:aws-cn:ecr:cn-north-1:123456789012:repository/my-app/report", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/my-app/report")]
    [TestCase("arn:aws:s3:::bucket", null)]
    [TestCase("not-an-arn", null)]
    public void Turns_an_ecr_repository_arn_into_its_url(string arn, string? expected)
    {
        Assert.That(EcrRepositoryUrl.FromArn(arn), Is.EqualTo(expected));
    }

    [TestCase("ECRRepofrontend", "frontend")]
    [TestCase("ECRReporeportDASHjobDASHv2", "report-job-v2")]
    public void Decodes_dash_in_ecr_output_keys(string key, string expected)
    {
        Assert.That(EcrRepositoryUrl.WorkloadName(key), Is.EqualTo(expected));
    }

    [Test]
    public void An_ssm_value_that_is_not_a_json_object_is_reported_with_its_parameter_name()
    {
        var error = Assert.Throws<CopilotJobException>(() => SsmRecordJson.ParseApplication("/copilot/applications/x", "not json"));

        Assert.That(error.Message, Does.Contain("/copilot/applications/x"));
    }

    [Test]
    public void Optional_application_fields_default_to_empty()
    {
        var record = SsmRecordJson.ParseApplication("/copilot/applications/x", "{\"name\":\"x\",\"account\":\"1\",\"version\":\"1.0\"}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.PermissionsBoundary, Is.Empty);
            Assert.That(record.Tags, Is.Empty);
        }
    }
}
