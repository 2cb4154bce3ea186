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

    [Test]
    public void A_file_that_already_holds_its_content_is_left_as_it_was_and_the_others_are_replaced()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out");
        var same = dir.Write("out/same.yml", "same\n");
        var changed = dir.Write("out/changed.yml", "old\n");
        var past = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(same, past);
        File.SetLastWriteTimeUtc(changed, past);

        var result = new AtomicFileWriter(new FileSystem()).Write(
            target, [new OutputFile("same.yml", "same\n"), new OutputFile("changed.yml", "new\n"), new OutputFile("added.yml", "added\n")]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Paths.Select(Path.GetFileName), Is.EqualTo(new[] { "same.yml", "changed.yml", "added.yml" }));
            Assert.That(result.Unchanged, Is.EqualTo(new[] { same }));
            Assert.That(File.GetLastWriteTimeUtc(same), Is.EqualTo(past), "the unchanged file was not rewritten");
            Assert.That(File.GetLastWriteTimeUtc(changed), Is.Not.EqualTo(past));
            Assert.That(File.ReadAllText(changed), Is.EqualTo("new\n"));
            Assert.That(File.ReadAllText(Path.Combine(target, "added.yml")), Is.EqualTo("added\n"));
            Assert.That(Directory.GetFiles(target).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "added.yml", "changed.yml", "same.yml" }));
        });
    }

    [Test]
    public void Content_that_differs_only_past_the_old_file_or_in_one_byte_is_written()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out");
        var longer = dir.Write("out/longer.yml", "abc\n");
        var flipped = dir.Write("out/flipped.yml", "abc\n");

        var result = new AtomicFileWriter(new FileSystem()).Write(target, [new OutputFile("longer.yml", "abc\nd\n"), new OutputFile("flipped.yml", "abd\n")]);

        Assert.That(result.Unchanged, Is.Empty);
        Assert.That(File.ReadAllText(longer), Is.EqualTo("abc\nd\n"));
        Assert.That(File.ReadAllText(flipped), Is.EqualTo("abd\n"));
    }

    [Test]
    public void A_link_in_place_of_an_output_is_replaced_by_the_file_even_when_its_target_holds_the_content()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out");
        var elsewhere = dir.Write("elsewhere.yml", "same\n");
        Directory.CreateDirectory(target);
        var link = Path.Combine(target, "same.yml");
        File.CreateSymbolicLink(link, elsewhere);

        var result = new AtomicFileWriter(new FileSystem()).Write(target, [new OutputFile("same.yml", "same\n")]);

        Assert.That(result.Unchanged, Is.Empty);
        Assert.That(new FileInfo(link).LinkTarget, Is.Null, "the output is a regular file now");
        Assert.That(File.ReadAllText(link), Is.EqualTo("same\n"));
    }
}
