using System.Diagnostics;
using Copilot.Testing;

namespace Copilot.Packaging.Tests.Testing;

/// <summary>The processor-time bounds of the "fails fast" tests can fail: busy work counts, sleeping does not.</summary>
public sealed class ThreadCpuTimeTests
{
    [Test]
    public void Busy_work_counts_and_sleep_does_not()
    {
        var busy = ThreadCpuTime.Measure(() =>
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromMilliseconds(300))
            {
                Thread.SpinWait(1_000);
            }
        });
        var asleep = ThreadCpuTime.Measure(() => Thread.Sleep(300));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(busy, Is.GreaterThan(TimeSpan.FromMilliseconds(30)), "spinning uses the processor (a busy machine gives it less)");
            Assert.That(asleep, Is.LessThan(TimeSpan.FromMilliseconds(100)), "sleeping does not");
        }
    }
}
