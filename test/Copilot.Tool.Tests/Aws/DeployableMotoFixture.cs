using Copilot.Testing.Moto;

namespace Copilot.Tool.Tests.Aws;

/// <summary>One moto server per fixture, seeded with a <see cref="DeployableWorld"/> once; the tests share it and use their own stack names.</summary>
public abstract class DeployableMotoFixture
{
    internal MotoServer Server { get; private set; } = null!;

    internal DeployableWorld World { get; private set; } = null!;

    /// <summary>Jobs whose ECR repositories the app's StackSet holds besides <c>report-job</c>; none by default.</summary>
    private protected virtual IReadOnlyList<string> JobRepositories => [];

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        Server = await MotoServer.StartAsync();
        World = new DeployableWorld(Server, JobRepositories);
        await World.SeedAsync();
    }

    [OneTimeTearDown]
    public void StopMoto() => Server?.Dispose();
}
