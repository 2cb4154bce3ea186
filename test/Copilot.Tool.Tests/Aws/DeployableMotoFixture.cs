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
    private protected static IReadOnlyList<string> SharedJobRepositories { get; } = [AwsWorkspace.Job, DeployRecipeJob];

    /// <summary>
    /// The job repositories of this fixture's world: the shared ones, unless the fixture has a server of its own
    /// (<see cref="OwnServer"/>) and seeds other jobs.
    /// </summary>
    private protected virtual IReadOnlyList<string> JobRepositories => SharedJobRepositories;

    /// <summary>The job name <see cref="DeployRecipeTests"/> deploys the example under.</summary>
    private protected const string DeployRecipeJob = "nightly-report";

    /// <summary>
    /// True for a fixture that needs a server of its own (it stops it mid-run, or deploys stacks other fixtures also
    /// name); the others share the assembly's.
    /// </summary>
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

        if (!ReferenceEquals(JobRepositories, SharedJobRepositories))
        {
            throw new InvalidOperationException($"{GetType().Name} seeds job repositories of its own: it needs OwnServer => true, or its jobs in SharedJobRepositories.");
        }

        Server = await SharedMoto.SeededAsync(nameof(DeployableWorld), server => new DeployableWorld(server, SharedJobRepositories).SeedAsync());
        World = new DeployableWorld(Server, SharedJobRepositories);
    }

    [OneTimeTearDown]
    public void StopOwnMoto() => own?.Dispose();

    /// <summary>
    /// Packages <paramref name="job"/> for <c>test</c> from AWS (this fixture's moto) into <c>deploy/</c> and creates its
    /// stack <c>my-app-test-&lt;job&gt;</c> from that output, as copilot deploy would.
    /// </summary>
    private protected async Task<string> DeployFromPackageAsync(Support.Workspace workspace, string job)
    {
        var package = await Support.InProcessTool.RunAsync(
            workspace.Path, AwsWorkspace.Variables(Server), string.Empty, false, "package", "-n", job, "-e", "test", "--output-dir", "deploy", "--params-format", "json");
        Assert.That(package.ExitCode, Is.Zero, package.ToString());
        return await CreateStackFromOutputAsync(workspace, job);
    }

    /// <summary>Creates the stack <c>my-app-test-&lt;job&gt;</c> from <c>deploy/&lt;job&gt;-test.stack.yml</c> and its <c>.params.json</c>; returns its name.</summary>
    private protected async Task<string> CreateStackFromOutputAsync(Support.Workspace workspace, string job)
    {
        var template = File.ReadAllText(workspace.File($"deploy/{job}-test.stack.yml"));
        using var configuration = System.Text.Json.JsonDocument.Parse(File.ReadAllText(workspace.File($"deploy/{job}-test.params.json")));
        var parameters = configuration.RootElement.GetProperty("Parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
        var tags = configuration.RootElement.GetProperty("Tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
        var stackName = $"my-app-test-{job}";
        await World.CreateStackAsync(stackName, template, parameters, tags);
        return stackName;
    }
}
