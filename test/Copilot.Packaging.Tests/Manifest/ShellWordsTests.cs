using Copilot.Packaging.Manifest.Binding;

namespace Copilot.Packaging.Tests.Manifest;

public class ShellWordsTests
{
    [TestCase("a b  c", new[] { "a", "b", "c" })]
    [TestCase("x # comment", new[] { "x" })]
    [TestCase("a#b", new[] { "a#b" })]
    [TestCase("'single quoted' \"double quoted\"", new[] { "single quoted", "double quoted" })]
    [TestCase("\"a\\\"b\" c\\ d", new[] { "a\"b", "c d" })]
    [TestCase("'no \\ escape'", new[] { "no \\ escape" })]
    [TestCase("a \"\" b", new[] { "a", "", "b" })]
    [TestCase("one # c\ntwo", new[] { "one", "two" })]
    [TestCase("", new string[0])]
    public void Splits_like_google_shlex(string text, string[] expected)
    {
        Assert.That(ShellWords.TrySplit(text, out var words, out var error), Is.True);
        Assert.That(error, Is.Null);
        Assert.That(words, Is.EqualTo(expected));
    }

    [TestCase("echo 'oops", "EOF found when expecting closing quote")]
    [TestCase("echo \"oops", "EOF found when expecting closing quote")]
    [TestCase("echo oops\\", "EOF found after escape character")]
    public void Reports_unterminated_input(string text, string expected)
    {
        Assert.That(ShellWords.TrySplit(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(expected));
    }
}
