using System.Net;
using System.Text;
using Amazon.Runtime;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Aws.Ec2;

namespace Copilot.Packaging.Tests.Aws;

/// <summary>
/// <see cref="Ec2Client"/> (AWSSDK.EC2) against scripted answers in EC2's XML, through the SDK's own transport seam:
/// paging, the request form, EC2's error shape, retries as the run's settings say.
/// </summary>
public sealed class Ec2ClientTests
{
    private const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static HttpResponseMessage Xml(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };

    private static HttpResponseMessage Page(string? nextToken, params string[] ids) => Xml(
        HttpStatusCode.OK,
        $"<DescribeSubnetsResponse xmlns=\"{Namespace}\"><requestId>r</requestId><subnetSet>" +
        string.Concat(ids.Select(id => $"<item><subnetId>{id}</subnetId><tagSet><item><key>tier</key><value>private</value></item></tagSet></item>")) +
        "</subnetSet>" + (nextToken is null ? string.Empty : $"<nextToken>{nextToken}</nextToken>") + "</DescribeSubnetsResponse>");

    private static HttpResponseMessage Ec2Error(HttpStatusCode status, string code, string message) => Xml(
        status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>r</RequestID></Response>");

    private static (IEc2Client Client, ScriptedHandler Handler, IDisposable Context) Client(params Func<HttpResponseMessage>[] answers)
    {
        var handler = new ScriptedHandler(answers);
        var context = AwsContext.Create(new AwsContextOptions
        {
            Region = "us-west-2",
            EndpointUrl = new Uri("https://ec2.us-west-2.amazonaws.com"),
            AccessKey = new AwsAccessKey("AKID", "secret"),
            MaxAttempts = 3,
            Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>()),
        });
        return (context.Ec2("us-west-2", null, new ScriptedFactory(handler)), handler, context);
    }

    private static string Decoded(string form) => Uri.UnescapeDataString(form);

    [Test]
    public async Task Follows_next_token_through_every_page()
    {
        var (client, handler, context) = Client(() => Page("page-2", "subnet-1", "subnet-2"), () => Page("page=3", "subnet-3"), () => Page(null, "subnet-4"));
        using (context)
        using (client)
        {
            var ids = await client.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["private"])], CancellationToken.None);

            Assert.That(ids, Is.EqualTo(new[] { "subnet-1", "subnet-2", "subnet-3", "subnet-4" }));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Bodies, Has.Count.EqualTo(3));
                Assert.That(handler.Bodies[0], Does.Not.Contain("NextToken"));
                Assert.That(handler.Bodies[1].Split('&'), Does.Contain("NextToken=page-2"));
                Assert.That(handler.Bodies[2].Split('&'), Does.Contain("NextToken=page%3D3"), "the token is form-encoded");
                Assert.That(handler.Bodies.Select(b => b.Split('&').Contains("Filter.1.Name=tag%3Atier")), Is.All.True, "every page repeats the filters");
            }
        }
    }

    [Test]
    public async Task Sends_one_filter_per_tag_with_every_value()
    {
        var (client, handler, context) = Client(() => Page(null));
        using (context)
        using (client)
        {
            await client.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["private"]), Ec2Filter.Tag("aws:cloudformation:stack-name", ["a", "b c"])], CancellationToken.None);

            Assert.That(handler.Bodies.Single().Split('&').Select(Decoded), Is.EquivalentTo(new[]
            {
                "Action=DescribeSubnets", "Version=2016-11-15",
                "Filter.1.Name=tag:tier", "Filter.1.Value.1=private",
                "Filter.2.Name=tag:aws:cloudformation:stack-name", "Filter.2.Value.1=a", "Filter.2.Value.2=b c",
            }));
        }
    }

    [Test]
    public void Ec2s_errors_element_is_read_for_code_and_message_and_access_denial_is_not_retried()
    {
        var (client, handler, context) = Client(() => Ec2Error(HttpStatusCode.Forbidden, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        using (context)
        using (client)
        {
            var error = Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["private"])], CancellationToken.None));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error!.Message, Is.EqualTo("EC2 DescribeSubnets failed: UnauthorizedOperation: You are not authorized to perform this operation."));
                Assert.That(error.IsAccessDenied, Is.True);
                Assert.That(handler.Bodies, Has.Count.EqualTo(1));
            }
        }
    }

    [Test]
    public async Task Ec2_throttling_is_recognised_by_its_code_and_retried()
    {
        var (client, handler, context) = Client(() => Ec2Error(HttpStatusCode.BadRequest, "RequestLimitExceeded", "Request limit exceeded."), () => Page(null, "subnet-1"));
        using (context)
        using (client)
        {
            var ids = await client.DescribeSubnetIdsAsync([Ec2Filter.Tag("tier", ["private"])], CancellationToken.None);

            Assert.That(ids, Is.EqualTo(new[] { "subnet-1" }));
            Assert.That(handler.Bodies, Has.Count.EqualTo(2));
        }
    }

    private sealed class ScriptedFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    private sealed class ScriptedHandler(Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            return answers[Math.Min(Bodies.Count - 1, answers.Length - 1)]();
        }
    }
}
