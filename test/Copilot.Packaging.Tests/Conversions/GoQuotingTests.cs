using Copilot.Packaging.Conversions;

namespace Copilot.Packaging.Tests.Conversions;

public class GoQuotingTests
{
    [TestCase("", "\"\"")]
    [TestCase("0 9 * * MON", "\"0 9 * * MON\"")]
    [TestCase("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [TestCase("x\ny\rz\t", "\"x\\ny\\rz\\t\"")]
    [TestCase("\u0001\u007f", "\"\\x01\\x7f\"")]
    [TestCase("<&>", "\"<&>\"")]
    public void Quote_writes_what_go_strconv_quote_writes_for_ascii(string text, string expected) =>
        Assert.That(GoQuoting.Quote(text), Is.EqualTo(expected));

    [TestCase("", "\"\"")]
    [TestCase("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [TestCase("x\ny\rz\t", "\"x\\ny\\rz\\t\"")]
    [TestCase("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [TestCase("<a&b>", "\"\\u003ca\\u0026b\\u003e\"")]
    [TestCase("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [TestCase("\u007f é", "\"\u007f é\"")]
    public void JsonQuote_writes_what_go_encoding_json_writes(string text, string expected) =>
        Assert.That(GoQuoting.JsonQuote(text), Is.EqualTo(expected));

    [Test]
    public void JsonQuote_keeps_a_surrogate_pair_and_replaces_an_unpaired_surrogate()
    {
        Assert.That(GoQuoting.JsonQuote("\U0001F600"), Is.EqualTo("\"\U0001F600\""));
        Assert.That(GoQuoting.JsonQuote("a\uD800b"), Is.EqualTo("\"a\\ufffdb\""));
        Assert.That(GoQuoting.JsonQuote("\uDC00"), Is.EqualTo("\"\\ufffd\""));
    }
}
