using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Tests.Support;
using Copilot.Packaging.Workspace;

namespace Copilot.Packaging.Tests.Workspace;

public class CopilotWorkspaceTests
{
    private readonly FileSystem _fs = new();

    [Test]
    public void Finds_copilot_directory_four_levels_up_and_reads_the_application()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        var deep = Directory.CreateDirectory(Path.Combine(dir.Path, "a", "b", "c", "d")).FullName;

        var workspace = CopilotWorkspace.Find(_fs, deep);

        Assert.Multiple(() =>
        {
            Assert.That(workspace.CopilotDirectory, Is.EqualTo(Path.Combine(dir.Path, "copilot")));
            Assert.That(workspace.RootDirectory, Is.EqualTo(dir.Path));
            Assert.That(workspace.ApplicationName, Is.EqualTo("my-app"));
        });
    }

    [Test]
    public void Does_not_look_five_levels_up()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        var tooDeep = Directory.CreateDirectory(Path.Combine(dir.Path, "a", "b", "c", "d", "e")).FullName;

        var ex = Assert.Throws<CopilotJobException>(() => CopilotWorkspace.Find(_fs, tooDeep));

        Assert.That(ex!.Message, Does.StartWith("couldn't find a directory called copilot up to 5 levels up from"));
    }

    [Test]
    public void Starting_inside_the_copilot_directory_uses_it()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");

        var workspace = CopilotWorkspace.Find(_fs, Path.Combine(dir.Path, "copilot"));

        Assert.That(workspace.RootDirectory, Is.EqualTo(dir.Path));
    }

    [Test]
    public void Lists_only_directories_with_a_manifest_in_name_order()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        dir.Write("copilot/zeta/manifest.yml", "name: zeta\n");
        dir.Write("copilot/alpha/manifest.yml", "name: alpha\n");
        dir.Write("copilot/environments/test/readme.txt", "not a workload\n");

        var workspace = CopilotWorkspace.Find(_fs, dir.Path);

        Assert.That(workspace.ListWorkloadDirectories(), Is.EqualTo(new[] { "alpha", "zeta" }));
        Assert.That(workspace.DisplayPath(workspace.ManifestPath("alpha")), Is.EqualTo("copilot/alpha/manifest.yml"));
    }

    [Test]
    public void Missing_workspace_file_leaves_the_application_unknown()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "copilot"));

        Assert.That(CopilotWorkspace.Find(_fs, dir.Path).ApplicationName, Is.Null);
    }

    [Test]
    public void An_invalid_workspace_file_is_a_located_error()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: [my-app\n");

        var ex = Assert.Throws<CopilotJobException>(() => CopilotWorkspace.Find(_fs, dir.Path));

        Assert.That(ex!.Describe(), Does.StartWith("copilot/.workspace:").And.Contain("not valid YAML"));
    }
}
