using Copilot.Packaging.Aws;
using Copilot.Testing;
using Copilot.Testing.Moto;

namespace Copilot.Packaging.Tests.Aws;

[TestFixture]
[Category(TestCategories.Moto)]
public sealed class EcrClientMotoTests
{
    private MotoServer server = null!;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        server = await SharedMoto.SeededAsync(nameof(CopilotWorld), s => new CopilotWorld(s).SeedAsync());
    }

    [Test]
    public async Task Describes_a_repository_the_app_stackset_created()
    {
        using var context = server.CreateContext();

        var repositories = await context.Ecr(CopilotWorld.Region).DescribeRepositoriesAsync(["my-app/report-job"], CancellationToken.None);

        Assert.That(repositories.Select(r => r.Uri), Is.EqualTo(new[] { "123456789012.dkr.ecr.us-west-2.amazonaws.com/my-app/report-job" }));
    }

    [Test]
    public void A_missing_repository_is_a_typed_error()
    {
        using var context = server.CreateContext();

        var error = Assert.ThrowsAsync<AwsServiceException>(() => context.Ecr(CopilotWorld.Region).DescribeRepositoriesAsync(["my-app/nothing"], CancellationToken.None));

        Assert.That(error.ErrorCode, Is.EqualTo("RepositoryNotFoundException"));
    }

    [Test]
    public async Task Gets_a_docker_login_for_the_registry()
    {
        using var context = server.CreateContext();

        var login = await context.Ecr(CopilotWorld.Region).GetAuthorizationTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.UserName, Is.EqualTo("AWS"));
            Assert.That(login.Password, Is.Not.Empty);
            Assert.That(login.ProxyEndpoint, Is.EqualTo("https://123456789012.dkr.ecr.us-west-2.amazonaws.com"));
        }
    }
}
