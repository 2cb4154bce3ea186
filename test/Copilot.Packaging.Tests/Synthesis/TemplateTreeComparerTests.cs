namespace Copilot.Packaging.Tests.Synthesis;

public class TemplateTreeComparerTests
{
    private static IReadOnlyList<TreeDifference> Compare(string expected, string actual) =>
        TemplateTreeComparer.Compare(TemplateTreeComparer.Parse(expected), TemplateTreeComparer.Parse(actual));

    [TestCase("A: !Sub 'x-${Y}'", "A:\n  Fn::Sub: x-${Y}")]
    [TestCase("A: !Ref B", "A:\n  Ref: B")]
    [TestCase("A: !GetAtt R.Arn", "A:\n  Fn::GetAtt: [R, Arn]")]
    [TestCase("A: !GetAtt R.Outputs.X", "A: {'Fn::GetAtt': [R, Outputs.X]}")]
    [TestCase("A: !Not [!Equals [!Ref P, '']]", "A:\n  Fn::Not:\n    - Fn::Equals:\n        - Ref: P\n        - \"\"")]
    [TestCase("A: '8080'\nB: 1", "B: 1\nA: 8080")]
    public void Equivalent_forms_are_equal(string expected, string actual)
    {
        Assert.That(Compare(expected, actual), Is.Empty);
    }

    [Test]
    public void Differences_name_their_paths()
    {
        var differences = Compare(
            "R:\n  P:\n    L: [a, b]\n    S: x\n    Gone: 1",
            "R:\n  P:\n    L: [a, c, d]\n    S: !Ref x2\n    New: 2");

        Assert.That(differences.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "R.P.Gone: \"1\" -> (missing)",
            "R.P.L[1]: \"b\" -> \"c\"",
            "R.P.L[2]: (missing) -> \"d\"",
            "R.P.New: (missing) -> \"2\"",
            "R.P.S: \"x\" -> {Ref}",
        }));
    }
}
