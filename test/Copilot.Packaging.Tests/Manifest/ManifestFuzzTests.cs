using System.Diagnostics;
using System.Text;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Manifest;
using Copilot.Packaging.Tests.Support;
using Copilot.Testing;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

/// <summary>Random and mutated input must never produce anything but <see cref="CopilotJobException"/>.</summary>
[Category(TestCategories.Slow)]
public class ManifestFuzzTests
{
    private static readonly byte[] Interesting = Encoding.ASCII.GetBytes(":-[]{}&*!|>'\"#%@`?,\n \t\\$<0123456789xyz~");

    [Test]
    public void Mutated_and_random_bytes_only_ever_raise_copilot_job_exceptions()
    {
        var seed = Encoding.UTF8.GetBytes(CompatData.ReadText("job-manifest.yml"));
        var random = new Random(20240611);
        var options = Options("test", new Dictionary<string, string> { ["tag"] = "latest" });
        var watch = Stopwatch.StartNew();
        var runs = 0;
        while (runs < 3000 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var input = runs % 10 == 0 ? RandomBytes(random) : Mutate(seed, random);
            try
            {
                var source = ManifestSource.FromBytes(input, "copilot/job/manifest.yml");
                ManifestLoader.ReadHeader(source);
                ManifestLoader.Load(source, options);
            }
            catch (CopilotJobException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"input {Convert.ToBase64String(input)} raised {ex}");
            }

            runs++;
        }

        Assert.That(runs, Is.GreaterThan(200));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 400)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 8);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 80), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }
}
