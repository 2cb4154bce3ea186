using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Copilot.Testing;

/// <summary>
/// Keeps the fast tier fast: the helpers that start a slow resource (cfn-lint, a moto server, a <c>dotnet</c> child
/// process) call <see cref="Require"/>, which fails the running test unless it, or a fixture above it, carries one of the
/// categories that <c>./build/test.sh --fast</c> leaves out. A new test that lints or starts moto without its category
/// fails at once instead of quietly slowing the fast tier down.
/// </summary>
public static class TestTier
{
    /// <summary>Fails the current test unless it (or a parent fixture) has one of <paramref name="categories"/>.</summary>
    /// <param name="resource">What the caller is about to start, for the message.</param>
    /// <param name="categories">The categories that allow it (constants of <see cref="TestCategories"/>).</param>
    public static void Require(string resource, params string[] categories)
    {
        var test = TestExecutionContext.CurrentContext?.CurrentTest;
        if (test is null)
        {
            return; // Not inside a test (a SetUpFixture or a tool run by hand): nothing to check.
        }

        for (ITest? node = test; node is not null; node = node.Parent)
        {
            foreach (var category in node.Properties[PropertyNames.Category])
            {
                if (categories.Contains(category as string, StringComparer.Ordinal))
                {
                    return;
                }
            }
        }

        Assert.Fail(
            $"{test.FullName} starts {resource} but has none of the categories [{string.Join(", ", categories)}]: " +
            $"put [Category(TestCategories.{categories[0]})] on the test or its fixture so that ./build/test.sh --fast leaves it out.");
    }
}
