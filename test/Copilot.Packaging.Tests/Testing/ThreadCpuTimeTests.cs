using Copilot.Testing;

namespace Copilot.Packaging.Tests.Testing;

/// <summary>The processor-time bounds of the "fails fast" tests can fail: busy work counts, sleeping does not.</summary>
public sealed class ThreadCpuTimeTests
{
    [Test]
    public void Busy_work_counts_and_sleep_does_not()
    {
        // A fixed amount of work (about 0.1-0.3 s of one core): its processor time does not shrink on a busy machine.
        var sum = 0UL;
        var busy = ThreadCpuTime.Measure(() =>
        {
            for (var i = 0UL; i < 200_000_000UL; i++)
            {
                sum += (i * 2654435761UL) >> 7;
            }
        });
        var asleep = ThreadCpuTime.Measure(() => Thread.Sleep(300));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sum, Is.Not.Zero);
            Assert.That(busy, Is.GreaterThan(TimeSpan.FromMilliseconds(20)), "the work used the processor");
            Assert.That(asleep, Is.LessThan(busy), "sleeping 300 ms used less processor time than the work");
        }
    }
}
