using System.Net;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Aws.Records;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>
/// Faults against a moto that checks signatures and IAM after its first four requests
/// (<c>INITIAL_NO_AUTH_ACTION_COUNT=4</c>), which the setup spends creating a user with keys and a policy, and the app record.
/// </summary>
[TestFixture]
public sealed class AwsFaultMotoTests
{
    private MotoServer server = null!;
    private AwsAccessKey readerKey = null!;

    [OneTimeSetUp]
    public async Task StartCheckingMotoAndCreateAUser()
    {
        server = await MotoServer.StartAsync(new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "4" });
        using var context = server.CreateContext("us-east-1");
        var iam = context.QueryClient("IAM", "iam", "us-east-1", null, "2010-05-08");
        await iam.CallAsync("CreateUser", [new("UserName", "reader")], CancellationToken.None);
        var key = (await iam.CallAsync("CreateAccessKey", [new("UserName", "reader")], CancellationToken.None)).Descendants().ToList();
        readerKey = new AwsAccessKey(
            key.First(e => e.Name.LocalName == "AccessKeyId").Value,
            key.First(e => e.Name.LocalName == "SecretAccessKey").Value);
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudformation:DescribeStacks","sts:GetCallerIdentity"],"Resource":"*"}]}""";
        await iam.CallAsync("PutUserPolicy", [new("UserName", "reader"), new("PolicyName", "read-stacks"), new("PolicyDocument", policy)], CancellationToken.None);
        await new CopilotWorld(server).PutParameterAsync("/copilot/applications/my-app", CopilotWorld.ApplicationJson("my-app"));
    }

    [OneTimeTearDown]
    public void StopMoto() => server?.Dispose();

    [Test]
    public void A_call_signed_by_our_signer_is_accepted_by_a_checking_server()
    {
        using var context = server.CreateContext(accessKey: readerKey);

        // Allowed, correctly signed: CloudFormation itself answers that the stack is missing.
        var error = Assert.ThrowsAsync<AwsServiceException>(() => context.CloudFormation("us-west-2").DescribeStackAsync("my-app-test", CancellationToken.None));

        Assert.That(error.IsStackNotFound, Is.True, error.Message);
    }

    [Test]
    public void A_wrong_secret_is_refused_as_a_signature_mismatch()
    {
        using var context = server.CreateContext(accessKey: readerKey with { SecretAccessKey = "wrong" });

        var error = Assert.ThrowsAsync<AwsServiceException>(() => context.CloudFormation("us-west-2").DescribeStackAsync("my-app-test", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
            Assert.That(error.IsAccessDenied, Is.True);
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }
    }

    [Test]
    public void Access_denied_on_a_record_names_the_record_account_region_and_the_missing_permission()
    {
        using var context = server.CreateContext(accessKey: readerKey);

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetApplicationAsync("my-app", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Not.InstanceOf<AwsServiceException>());
            Assert.That(error.Message, Does.StartWith("could not read the record of application my-app (SSM parameter /copilot/applications/my-app) in account 123456789012 and region us-west-2: AccessDenied"));
            Assert.That(error.Recommendation, Does.Contain("allow ssm:GetParameter"));
        }
    }

    [Test]
    public void Unknown_keys_are_refused_with_a_readable_error()
    {
        using var context = server.CreateContext(accessKey: new AwsAccessKey("AKIANOTAREALKEY00000", "nope"));

        var error = Assert.ThrowsAsync<CopilotJobException>(() => new AwsRecordStore(context).GetApplicationAsync("my-app", CancellationToken.None));

        Assert.That(error.Message, Does.Contain("in account unknown and region us-west-2").And.Contain("InvalidClientTokenId").Or.Contain("UnrecognizedClient"));
    }
}
