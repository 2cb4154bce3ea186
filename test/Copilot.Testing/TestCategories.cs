namespace Copilot.Testing;

/// <summary>
/// NUnit categories of the slow test tiers. <c>./build/test.sh --fast</c> leaves out every category listed in
/// <see cref="Slow"/>; <c>./build/test.sh</c> runs everything. Put the category on the fixture (or the single test) that
/// needs the resource.
/// </summary>
public static class TestCategories
{
    /// <summary>Talks to a moto server (the shared one of the assembly or one of its own).</summary>
    public const string Moto = "Moto";

    /// <summary>Runs cfn-lint over emitted templates.</summary>
    public const string CfnLint = "CfnLint";

    /// <summary>Spawns other processes: node, the recording docker/git scripts, git, dotnet.</summary>
    public const string Process = "Process";

    /// <summary>Packs and installs the tool, then runs the installed command.</summary>
    public const string PackedTool = "PackedTool";

    /// <summary>Long-running property and fuzz tests (seconds each).</summary>
    public const string Slow = "Slow";

    /// <summary>The categories <c>--fast</c> leaves out.</summary>
    public static IReadOnlyList<string> SlowTiers { get; } = [Moto, CfnLint, Process, PackedTool, Slow];
}
