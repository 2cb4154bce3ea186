using System.Net;
using System.Text;
using Amazon.Runtime;
using Copilot.Packaging.Aws;
using Copilot.Packaging.Aws.CloudFormation;
using Copilot.Packaging.Aws.Http;
using Copilot.Packaging.Errors;

namespace Copilot.Packaging.Tests.Aws;

public sealed class AwsHttpSenderTests
{
    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        public List<HttpRequestMessage> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
            var index = Math.Min(Requests.Count - 1, answers.Length - 1);
            return answers[index](request);
        }
    }

    private static readonly AwsServiceEndpoint Endpoint = new("CloudFormation", new Uri("https://cloudformation.us-west-2.amazonaws.com"), "us-west-2", "cloudformation");

    private static HttpResponseMessage Xml(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };

    private static HttpResponseMessage Error(HttpStatusCode status, string code) =>
        Xml(status, $"<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} happened</Message></Error><RequestId>r</RequestId></ErrorResponse>");

    private static HttpResponseMessage Stack(HttpRequestMessage _) =>
        Xml(HttpStatusCode.OK, """
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>
              <StackId>arn:aws:cloudformation:us-west-2:1:stack/s/1</StackId><StackName>s</StackName><StackStatus>CREATE_COMPLETE</StackStatus>
              <Parameters><member><ParameterKey>EFSWorkloads</ParameterKey><ParameterValue>report</ParameterValue></member></Parameters>
              <Outputs><member><OutputKey>ClusterId</OutputKey><OutputValue>c</OutputValue><ExportName>s-ClusterId</ExportName></member></Outputs>
            </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
            """);

    private static (CloudFormationClient Client, ScriptedHandler Handler, HttpClient Http) Client(int maxAttempts, params Func<HttpRequestMessage, HttpResponseMessage>[] answers)
    {
        var handler = new ScriptedHandler(answers);
        var http = new HttpClient(handler);
        var sender = new AwsHttpSender(http, new AwsRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)), null);
        var query = new AwsQueryClient(sender, Endpoint, new BasicAWSCredentials("AKID", "secret"), "2010-05-15");
        return (new CloudFormationClient(query), handler, http);
    }

    [Test]
    public async Task Retries_throttling_and_server_errors_then_returns_the_answer()
    {
        var (client, handler, http) = Client(4, _ => Error(HttpStatusCode.BadRequest, "Throttling"), _ => Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"), Stack);
        using (http)
        {
            var stack = await client.DescribeStackAsync("s", CancellationToken.None);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Requests, Has.Count.EqualTo(3));
                Assert.That(stack.Parameters, Is.EquivalentTo(new Dictionary<string, string> { ["EFSWorkloads"] = "report" }));
                Assert.That(stack.Outputs, Is.EqualTo(new[] { new StackOutput("ClusterId", "c", "s-ClusterId") }));
            }
        }
    }

    [TestCase(AwsRetryMode.Adaptive, true)]
    [TestCase(AwsRetryMode.Standard, false)]
    public async Task In_adaptive_mode_a_throttling_answer_holds_back_the_other_calls_until_the_backoff_has_passed(AwsRetryMode mode, bool heldBack)
    {
        // Call a is throttled once; call b starts 100 ms later. Adaptive: b goes out no earlier than a's retry (both wait
        // out the same backoff, 0.6 to 1 s here). Standard: b goes out at once, well before a's retry.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var firstAnswered = new TaskCompletionSource();
        var sent = new System.Collections.Concurrent.ConcurrentQueue<(string Stack, int Attempt, TimeSpan At)>();
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var handler = new ScriptedHandler(request =>
        {
            var body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            var stack = body.Contains("StackName=a", StringComparison.Ordinal) ? "a" : "b";
            var attempt = attempts.AddOrUpdate(stack, 1, (_, n) => n + 1);
            sent.Enqueue((stack, attempt, clock.Elapsed));
            if (stack == "a" && attempt == 1)
            {
                firstAnswered.TrySetResult();
                return Error(HttpStatusCode.BadRequest, "Throttling");
            }

            return Stack(request);
        });
        using var http = new HttpClient(handler);
        var sender = new AwsHttpSender(http, new AwsRetryPolicy(2, TimeSpan.FromMilliseconds(1_000), TimeSpan.FromMilliseconds(1_000), mode) { MinimumDelay = TimeSpan.FromMilliseconds(600) }, null);
        var client = new CloudFormationClient(new AwsQueryClient(sender, Endpoint, new BasicAWSCredentials("AKID", "secret"), "2010-05-15"));

        var a = client.DescribeStackAsync("a", CancellationToken.None);
        await firstAnswered.Task;
        await Task.Delay(100);
        await client.DescribeStackAsync("b", CancellationToken.None);
        await a;

        var retryOfA = sent.Single(s => s.Stack == "a" && s.Attempt == 2).At;
        var firstOfB = sent.Single(s => s.Stack == "b").At;
        Assert.That(firstOfB >= retryOfA - TimeSpan.FromMilliseconds(50), Is.EqualTo(heldBack), $"a retried at {retryOfA}, b sent at {firstOfB}");
    }

    [Test]
    public void Does_not_retry_a_client_error_and_types_it()
    {
        var (client, handler, http) = Client(4, _ => Error(HttpStatusCode.BadRequest, "ValidationError"));
        using (http)
        {
            var error = Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("s", CancellationToken.None));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Requests, Has.Count.EqualTo(1));
                Assert.That(error.ErrorCode, Is.EqualTo("ValidationError"));
                Assert.That(error.ServiceMessage, Is.EqualTo("ValidationError happened"));
                Assert.That(error.Message, Is.EqualTo("CloudFormation DescribeStacks failed: ValidationError: ValidationError happened"));
            }
        }
    }

    [Test]
    public void Gives_up_after_the_last_attempt_with_the_last_error()
    {
        var (client, handler, http) = Client(3, _ => Error(HttpStatusCode.BadRequest, "Throttling"));
        using (http)
        {
            var error = Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("s", CancellationToken.None));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Requests, Has.Count.EqualTo(3));
                Assert.That(error.ErrorCode, Is.EqualTo("Throttling"));
            }
        }
    }

    [Test]
    public void An_unreadable_error_body_keeps_the_http_status()
    {
        var (client, _, http) = Client(1, _ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"__type\":\"oops\"}") });
        using (http)
        {
            var error = Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStackAsync("s", CancellationToken.None));

            Assert.That(error.ErrorCode, Is.EqualTo("HTTP400"));
        }
    }

    [Test]
    public void An_endpoint_that_stays_unreachable_becomes_a_user_error_naming_it()
    {
        var (client, handler, http) = Client(2, _ => throw new HttpRequestException("Connection refused"));
        using (http)
        {
            var error = Assert.ThrowsAsync<CopilotJobException>(() => client.DescribeStackAsync("s", CancellationToken.None));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Requests, Has.Count.EqualTo(2));
                Assert.That(error.Message, Is.EqualTo("could not reach CloudFormation at https://cloudformation.us-west-2.amazonaws.com/ for DescribeStacks after 2 attempt(s): Connection refused"));
            }
        }
    }

    [Test]
    public async Task Sends_a_signed_query_form_with_action_and_version()
    {
        var (client, handler, http) = Client(1, Stack);
        using (http)
        {
            await client.DescribeStackAsync("my app/stack", CancellationToken.None);

            var request = handler.Requests.Single();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(handler.Bodies.Single(), Is.EqualTo("Action=DescribeStacks&Version=2010-05-15&StackName=my%20app%2Fstack"));
                Assert.That(request.Headers.GetValues("Authorization").Single(), Does.StartWith("AWS4-HMAC-SHA256 Credential=AKID/").And.Contain("/us-west-2/cloudformation/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature="));
                Assert.That(request.Headers.Contains("X-Amz-Date"), Is.True);
            }
        }
    }

    [Test]
    public async Task Lists_stack_instances_across_pages()
    {
        static HttpResponseMessage Page(string member, string? next) => Xml(HttpStatusCode.OK, $"""
            <ListStackInstancesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackInstancesResult><Summaries>
              <member><StackSetId>set:1</StackSetId><Account>1</Account><Region>{member}</Region><StackId>id-{member}</StackId><Status>CURRENT</Status></member>
            </Summaries>{(next is null ? string.Empty : $"<NextToken>{next}</NextToken>")}</ListStackInstancesResult></ListStackInstancesResponse>
            """);
        var (client, handler, http) = Client(1, _ => Page("us-west-2", "page2"), _ => Page("us-east-1", null));
        using (http)
        {
            var instances = await client.ListStackInstancesAsync("app-infrastructure", "1", "us-west-2", CancellationToken.None);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(instances.Select(i => i.StackId), Is.EqualTo(new[] { "id-us-west-2", "id-us-east-1" }));
                Assert.That(handler.Bodies[1], Does.EndWith("&NextToken=page2"));
                Assert.That(handler.Bodies[0], Does.Contain("StackInstanceAccount=1&StackInstanceRegion=us-west-2"));
            }
        }
    }
}
