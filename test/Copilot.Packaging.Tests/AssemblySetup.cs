using Copilot.Testing.Moto;

// Fixtures run side by side unless marked [NonParallelizable] (those run alone). Four workers on a 2-core machine:
// most slow tests wait on moto, cfn-lint or a child process rather than use the CPU.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

namespace Copilot.Packaging.Tests;

/// <summary>Set-up for every test of the assembly (all live under this namespace): stops the assembly's one shared moto server (<see cref="SharedMoto"/>) after the last test.</summary>
[SetUpFixture]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public void StopSharedMoto() => SharedMoto.Stop();
}
