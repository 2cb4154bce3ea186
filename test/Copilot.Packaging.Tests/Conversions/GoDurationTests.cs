using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Tests.Conversions;

public class GoDurationTests
{
    [TestCase("1h30m", 5400)]
    [TestCase("90s", 90)]
    [TestCase("1.5h", 5400)]
    [TestCase("60000ms", 60)]
    [TestCase("0", 0)]
    [TestCase("-5m", -300)]
    [TestCase("3h", 10800)]
    public void Parses_valid_durations(string text, double seconds) =>
        Assert.That(GoDuration.Parse(text).TotalSeconds, Is.EqualTo(seconds));

    [Test]
    public void Keeps_sub_second_precision() =>
        Assert.That(GoDuration.Parse("1s40ms"), Is.EqualTo(TimeSpan.FromMilliseconds(1040)));

    [TestCase("5 hours", "time: unknown unit \" hours\" in duration \"5 hours\"")]
    [TestCase("402 seconds", "time: unknown unit \" seconds\" in duration \"402 seconds\"")]
    [TestCase("5", "time: missing unit in duration \"5\"")]
    [TestCase("", "time: invalid duration \"\"")]
    [TestCase("nonesuch", "time: invalid duration \"nonesuch\"")]
    public void Reports_go_errors(string text, string message)
    {
        Assert.That(GoDuration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }
}
