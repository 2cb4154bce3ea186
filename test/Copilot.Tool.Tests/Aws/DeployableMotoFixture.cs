using Copilot.Testing;
using Copilot.Testing.Moto;

namespace Copilot.Tool.Tests.Aws;

/// <summary>
/// The assembly's shared moto server (<see cref="SharedMoto"/>), seeded with one <see cref="DeployableWorld"/> for every
/// fixture deriving from this; the fixtures run side by side and use their own stack names, tags and workspaces. A
/// fixture that stops its server overrides <see cref="OwnServer"/> to get one of its own.
/// </summary>
[Category(TestCategories.Moto)]
public abstract class DeployableMotoFixture
{
    private MotoServer? own;

    internal MotoServer Server { get; private set; } = null!;

    internal DeployableWorld World { get; private set; } = null!;

    /// <summary>
    /// Jobs whose ECR repositories the app's StackSet holds besides <c>report-job</c>: the example's job, which
    /// <c>--upload-assets</c> pushes to, and the copy of it that the README's deploy recipe deploys under a name of its own.
    /// </summary>
    private protected static IReadOnlyList<string> JobRepositories { get; } = [AwsWorkspace.Job, DeployRecipeJob];

    /// <summary>The job name <see cref="DeployRecipeTests"/> deploys the example under.</summary>
    private protected const string DeployRecipeJob = "nightly-report";

    /// <summary>True for a fixture that needs a server of its own (it stops it mid-run); the others share the assembly's.</summary>
    private protected virtual bool OwnServer => false;

    [OneTimeSetUp]
    public async Task StartMotoAndSeed()
    {
        if (OwnServer)
        {
            own = await MotoServer.StartAsync();
            World = new DeployableWorld(own, JobRepositories);
            await World.SeedAsync();
            Server = own;
            return;
        }

        Server = await SharedMoto.SeededAsync(nameof(DeployableWorld), server => new DeployableWorld(server, JobRepositories).SeedAsync());
        World = new DeployableWorld(Server, JobRepositories);
    }

    [OneTimeTearDown]
    public void StopOwnMoto() => own?.Dispose();
}
