using Copilot.Packaging.Aws;
using Copilot.Packaging.Aws.Records;
using Copilot.Packaging.Synthesis;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

[TestFixture]
public sealed class WorkloadStackReaderMotoTests
{
    private MotoServer server = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await MotoServer.StartAsync();
        await new CopilotWorld(server).SeedAsync();
    }

    [OneTimeTearDown]
    public void StopMoto() => server?.Dispose();

    private async Task<WorkloadStackReader> ReaderAsync(Packaging.Aws.AwsContext context)
    {
        var env = await new AwsRecordStore(context).GetEnvironmentAsync(CopilotWorld.App, CopilotWorld.Env, CancellationToken.None);
        return await WorkloadStackReader.ForEnvironmentAsync(context, env, CancellationToken.None);
    }

    [Test]
    public async Task Reads_the_deployed_version_from_the_template_metadata()
    {
        using var context = server.CreateContext();
        var reader = await ReaderAsync(context);

        Assert.That(await reader.GetDeployedVersionAsync("my-app-test-report", CancellationToken.None), Is.EqualTo("v1.29.0"));
    }

    [Test]
    public async Task A_missing_stack_has_no_version_and_no_template()
    {
        using var context = server.CreateContext();
        var reader = await ReaderAsync(context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await reader.GetDeployedVersionAsync("my-app-test-nightly", CancellationToken.None), Is.Null);
            Assert.That(await reader.GetDeployedTemplateAsync("my-app-test-nightly", CancellationToken.None), Is.Null);
        }
    }

    [Test]
    public async Task Returns_the_deployed_template_byte_for_byte()
    {
        using var context = server.CreateContext();
        var reader = await ReaderAsync(context);

        Assert.That(await reader.GetDeployedTemplateAsync("my-app-test-report", CancellationToken.None), Is.EqualTo(CopilotWorld.JobStackTemplate));
    }

    [Test]
    public void Stack_names_are_cut_to_128_characters()
    {
        var job = new string('j', 200);

        Assert.That(WorkloadStackName.Of("my-app", "test", job), Has.Length.EqualTo(128).And.StartsWith("my-app-test-jjj"));
    }
}
