using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Output;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Output;

public class AtomicFileWriterTests
{
    [Test]
    public void Writes_every_file_and_leaves_no_temporary_files()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out");

        var written = new AtomicFileWriter(new FileSystem()).WriteAll(target, [new OutputFile("a.yml", "a\n"), new OutputFile("b.yml", "b\n")]);

        Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "a.yml", "b.yml" }));
        Assert.That(Directory.GetFiles(target).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "a.yml", "b.yml" }));
        Assert.That(File.ReadAllText(Path.Combine(target, "b.yml")), Is.EqualTo("b\n"));
    }

    [Test]
    public void A_failure_leaves_existing_files_untouched_and_no_new_ones()
    {
        using var dir = new TempDirectory();
        var existing = dir.Write("out/a.yml", "old\n");
        // A directory where the second file should go makes the final rename fail.
        Directory.CreateDirectory(Path.Combine(dir.Path, "out", "b.yml"));

        Assert.Throws<CopilotJobException>(() =>
            new AtomicFileWriter(new FileSystem()).WriteAll(Path.Combine(dir.Path, "out"), [new OutputFile("b.yml", "b\n"), new OutputFile("a.yml", "new\n")]));

        Assert.That(File.ReadAllText(existing), Is.EqualTo("old\n"));
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, "out")).Select(Path.GetFileName), Is.EqualTo(new[] { "a.yml" }));
    }
}
