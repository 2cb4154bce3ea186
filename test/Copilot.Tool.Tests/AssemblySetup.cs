using Copilot.Testing.Moto;
using Copilot.Tool.Tests.Support;

// Fixtures run side by side unless marked [NonParallelizable] (those run alone). Four workers on a 2-core machine:
// most slow tests wait on moto, cfn-lint or a child process rather than use the CPU.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

namespace Copilot.Tool.Tests;

/// <summary>
/// Set-up for every test of the assembly (all live under this namespace): after the last test, stops the assembly's one
/// shared moto server (<see cref="SharedMoto"/>) and deletes the packages packed for the packed-tool tests (<see cref="PackedFeed"/>).
/// </summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public void StopSharedMoto() => SharedMoto.Stop();

    [OneTimeTearDown]
    public void DeletePackedFeed() => PackedFeed.DeleteIfPacked();
}
