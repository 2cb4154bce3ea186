using Copilot.Packaging.Errors;
using Copilot.Packaging.Aws.Records;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

[TestFixture]
public sealed class AwsUnreachableMotoTests
{
    [Test]
    public async Task A_server_that_stops_mid_run_gives_a_clear_error_not_an_sdk_exception()
    {
        using var server = await MotoServer.StartAsync();
        await new CopilotWorld(server).SeedAsync();
        using var context = server.CreateContext();
        var store = new AwsRecordStore(context);
        var app = await store.GetApplicationAsync(CopilotWorld.App, CancellationToken.None);

        server.Stop();

        var sdkError = Assert.ThrowsAsync<CopilotJobException>(() => store.GetEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None));
        var httpError = Assert.ThrowsAsync<CopilotJobException>(() => store.GetRegionalResourcesAsync(app, CopilotWorld.Region, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sdkError, Is.TypeOf<CopilotJobException>());
            Assert.That(sdkError.Message, Does.StartWith("could not complete SSM GetParameter in region us-west-2: ").And.Contain(server.Endpoint.Authority));
            Assert.That(httpError, Is.TypeOf<CopilotJobException>());
            Assert.That(httpError.Message, Does.StartWith($"could not reach CloudFormation at {server.Endpoint} for ListStackInstances after 2 attempt(s): "));
            Assert.That(httpError.Recommendation, Does.Contain("AWS_ENDPOINT_URL"));
        }
    }
}
