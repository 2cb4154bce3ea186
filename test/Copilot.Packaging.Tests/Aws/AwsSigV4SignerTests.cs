using System.Text;
using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>Vectors from the AWS Signature Version 4 test suite (<c>get-vanilla</c>, <c>post-x-www-form-urlencoded</c>).</summary>
public sealed class AwsSigV4SignerTests
{
    private static readonly AwsSigningKey SuiteKey = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Test]
    public void Signs_the_get_vanilla_vector()
    {
        var authorization = AwsSigV4Signer.CreateAuthorization(
            "GET",
            new Uri("https://example.amazonaws.com/"),
            [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")],
            [],
            SuiteKey,
            "us-east-1",
            "service",
            SuiteTime);

        Assert.That(authorization, Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }

    [Test]
    public void Signs_the_post_form_urlencoded_vector()
    {
        var authorization = AwsSigV4Signer.CreateAuthorization(
            "POST",
            new Uri("https://example.amazonaws.com/"),
            [new("Content-Type", "application/x-www-form-urlencoded"), new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")],
            Encoding.UTF8.GetBytes("Param1=value1"),
            SuiteKey,
            "us-east-1",
            "service",
            SuiteTime);

        Assert.That(authorization, Does.EndWith(
            "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
    }

    [Test]
    public void A_different_secret_gives_a_different_signature()
    {
        var other = SuiteKey with { SecretAccessKey = "another-secret" };
        string Sign(AwsSigningKey key) => AwsSigV4Signer.CreateAuthorization(
            "GET", new Uri("https://example.amazonaws.com/"), [new("host", "example.amazonaws.com"), new("x-amz-date", "20150830T123600Z")], [], key, "us-east-1", "service", SuiteTime);

        Assert.That(Sign(other), Is.Not.EqualTo(Sign(SuiteKey)));
    }

    [Test]
    public void The_signing_key_never_shows_its_secret_when_printed()
    {
        Assert.That(SuiteKey.ToString(), Does.Not.Contain("EXAMPLEKEY").And.Contain("AKIDEXAMPLE"));
    }
}
