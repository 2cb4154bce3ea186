using System.Text;
using Copilot.Packaging.Aws.Http;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>
/// Signing: the reference computation against vectors of the AWS Signature Version 4 test suite (<c>get-vanilla</c>,
/// <c>post-x-www-form-urlencoded</c>), and the requests the hand-written clients send (signed by AWSSDK.Core's
/// public <c>AWSSigV4Signer</c>) against the reference.
/// </summary>
public sealed class AwsSigV4SignerTests
{
    private static readonly AwsSigningKey SuiteKey = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Test]
    public void The_reference_signs_the_get_vanilla_vector()
    {
        var authorization = ReferenceSigV4.CreateAuthorization(
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
    public void The_reference_signs_the_post_form_urlencoded_vector()
    {
        var authorization = ReferenceSigV4.CreateAuthorization(
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

    [TestCase("https://cloudformation.us-west-2.amazonaws.com", "cloudformation", null)]
    [TestCase("http://127.0.0.1:5000/", "ecr", "the-session-token")]
    public void A_request_of_the_hand_written_clients_carries_the_signature_the_reference_computes(string url, string signingName, string? token)
    {
        var key = SuiteKey with { SessionToken = token };
        var body = Encoding.UTF8.GetBytes("Action=DescribeStacks&Version=2010-05-15&StackName=a%20b");
        var endpoint = new AwsServiceEndpoint("Service", new Uri(url), "us-west-2", signingName);

        using var request = AwsHttpSender.CreateRequest(
            endpoint, key, "application/x-www-form-urlencoded; charset=utf-8", body, [new("X-Amz-Target", "Service.Operation")], SuiteTime.UtcDateTime);

        var authorization = request.Headers.GetValues("Authorization").Single();
        var signedNames = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var uri = request.RequestUri!;
        var signed = signedNames.Select(name => new KeyValuePair<string, string>(name, name switch
        {
            "host" => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            "content-type" => request.Content!.Headers.ContentType!.ToString(),
            _ => request.Headers.GetValues(name).Single(),
        })).ToList();
        var expected = ReferenceSigV4.CreateAuthorization("POST", uri, signed, body, key, "us-west-2", signingName, SuiteTime);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(authorization, Is.EqualTo(expected));
            Assert.That(signedNames, Is.SupersetOf(new[] { "host", "x-amz-date", "content-type", "x-amz-target" }));
            Assert.That(request.Headers.GetValues("X-Amz-Date").Single(), Is.EqualTo("20150830T123600Z"));
            Assert.That(authorization, Does.Contain("Credential=AKIDEXAMPLE/20150830/us-west-2/" + signingName + "/aws4_request"));
            if (token is null)
            {
                Assert.That(request.Headers.Contains("X-Amz-Security-Token"), Is.False);
            }
            else
            {
                Assert.That(request.Headers.GetValues("X-Amz-Security-Token").Single(), Is.EqualTo(token));
                Assert.That(signedNames, Does.Contain("x-amz-security-token"));
            }
        }
    }

    [Test]
    public void A_different_secret_gives_a_different_signature()
    {
        var endpoint = new AwsServiceEndpoint("Service", new Uri("https://example.amazonaws.com"), "us-east-1", "service");
        string Sign(AwsSigningKey key)
        {
            using var request = AwsHttpSender.CreateRequest(endpoint, key, "application/json", [], [], SuiteTime.UtcDateTime);
            return request.Headers.GetValues("Authorization").Single();
        }

        Assert.That(Sign(SuiteKey with { SecretAccessKey = "another-secret" }), Is.Not.EqualTo(Sign(SuiteKey)));
    }

    [Test]
    public void The_signing_key_never_shows_its_secret_when_printed()
    {
        Assert.That(SuiteKey.ToString(), Does.Not.Contain("EXAMPLEKEY").And.Contain("AKIDEXAMPLE"));
    }
}
