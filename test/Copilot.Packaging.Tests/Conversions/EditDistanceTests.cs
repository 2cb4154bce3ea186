using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Tests.Conversions;

/// <summary>The distance behind every "did you mean": manifest keys and command-line options.</summary>
public sealed class EditDistanceTests
{
    [TestCase("name", "name", 0)]
    [TestCase("nmae", "name", 1)]
    [TestCase("cpuu", "cpu", 1)]
    [TestCase("regoin", "region", 1)]
    [TestCase("output", "output-dir", 4)]
    [TestCase("", "env", 3)]
    [TestCase("abc", "xyz", 3)]
    public void Counts_edits_with_adjacent_transpositions_as_one(string a, string b, int expected)
    {
        Assert.That(EditDistance.Between(a, b), Is.EqualTo(expected));
        Assert.That(EditDistance.Between(b, a), Is.EqualTo(expected), "the distance is symmetric");
    }

    [Test]
    public void Names_longer_than_64_characters_are_never_close()
    {
        Assert.That(EditDistance.Between(new string('a', 65), new string('a', 65)), Is.EqualTo(int.MaxValue));
    }
}
