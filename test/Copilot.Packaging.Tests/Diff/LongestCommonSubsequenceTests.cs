using Copilot.Packaging.Diff;
using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

public class LongestCommonSubsequenceTests
{
    private static IReadOnlyList<(int Old, int New)> Find(string[] oldItems, string[] newItems) =>
        LongestCommonSubsequence.Find(oldItems.Length, newItems.Length, (i, j) => oldItems[i] == newItems[j]);

    [Test]
    public void Swapped_items_keep_the_match_that_lies_further_along_the_old_list()
    {
        // Both [a] and [b] are longest; at a tie the walk moves on in the old list, so b is kept.
        Assert.That(Find(["a", "b"], ["b", "a"]), Is.EqualTo(new[] { (1, 0) }));
    }

    [Test]
    public void The_walk_moves_on_in_the_new_list_when_that_keeps_a_longer_subsequence()
    {
        Assert.That(Find(["a", "b"], ["b", "a", "b"]), Is.EqualTo(new[] { (0, 1), (1, 2) }));
    }

    [Test]
    public void A_repeated_item_is_matched_at_its_first_occurrence()
    {
        Assert.That(Find(["x", "x"], ["x"]), Is.EqualTo(new[] { (0, 0) }));
        Assert.That(Find(["x"], ["x", "x"]), Is.EqualTo(new[] { (0, 0) }));
    }

    [Test]
    public void An_empty_side_has_no_common_items()
    {
        Assert.That(Find([], ["a"]), Is.Empty);
        Assert.That(Find(["a"], []), Is.Empty);
    }

    [Test]
    public void Swapped_items_print_as_a_removal_an_unchanged_item_and_an_insertion()
    {
        Assert.That(DiffText("L: [a, b]", "L: [b, a]"), Is.EqualTo(Lines(
            """
            ~ L:
                - - a
                (1 unchanged item)
                + - a
            """)));
    }

    [Test]
    public void An_item_inserted_before_a_run_is_an_insertion_not_a_modification()
    {
        Assert.That(DiffText("L: [a, b]", "L: [b, a, b]"), Is.EqualTo(Lines(
            """
            ~ L:
                + - b
                (2 unchanged items)
            """)));
    }

    [Test]
    public void Items_that_change_in_place_pair_up_in_order_before_the_next_match()
    {
        Assert.That(DiffText("L: [a, b, c]", "L: [x, y, z, c]"), Is.EqualTo(Lines(
            """
            ~ L:
                ~ - a -> x
                ~ - b -> y
                + - z
                (1 unchanged item)
            """)));
    }

    [Test]
    public void Extra_old_items_after_the_last_match_are_removals()
    {
        Assert.That(DiffText("L: [a, b, c]", "L: [a]"), Is.EqualTo(Lines(
            """
            ~ L:
                (1 unchanged item)
                - - b
                - - c
            """)));
    }
}
