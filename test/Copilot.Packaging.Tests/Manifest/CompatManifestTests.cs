using Copilot.Packaging.Manifest;
using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Tests.Support;
using static Copilot.Packaging.Tests.Manifest.ManifestTestKit;

namespace Copilot.Packaging.Tests.Manifest;

/// <summary>Copilot's golden Scheduled Job manifest (shared/compat/job-manifest.yml), loaded for env <c>test</c>.</summary>
public class CompatManifestTests
{
    private static LoadedManifest LoadCompat()
    {
        var bytes = CompatData.ReadBytes("job-manifest.yml");
        return ManifestLoader.Load(ManifestSource.FromBytes(bytes, "copilot/job/manifest.yml"), Options("test", expectedName: "job") with { AppName = "my-app" });
    }

    [Test]
    public void Loads_without_warnings()
    {
        Assert.That(LoadCompat().Warnings, Is.Empty);
    }

    [Test]
    public void Main_container_settings_with_the_test_labels_merged()
    {
        var manifest = LoadCompat().Manifest;

        Assert.That((manifest.Name, manifest.Type, manifest.Image.Location, manifest.Cpu, manifest.Memory, manifest.Count), Is.EqualTo(("job", "Scheduled Job", "alpine", 256, 512, 1)));
        Assert.That(manifest.Image.Labels, Is.EqualTo(new Dictionary<string, string>
        {
            ["com.amazonaws.ecs.copilot.description"] = "Hello world!",
            ["com.amazonaws.ecs.copilot.coollabel"] = "Synecdoche",
        }));
        Assert.That(manifest.Image.DependsOn, Is.EqualTo(new Dictionary<string, string> { ["nginx"] = "start" }));
        Assert.That((manifest.Schedule, manifest.Retries, manifest.Timeout), Is.EqualTo(("0 12 * * MON", (int?)3, "1h")));
        Assert.That(manifest.Variables, Is.EqualTo(new Dictionary<string, VariableValue> { ["DB_NAME"] = VariableValue.Import("MYDB") }));
        Assert.That(manifest.Secrets, Is.EqualTo(new Dictionary<string, SecretValue>
        {
            ["SQL_PASS"] = SecretValue.Plain("SQL_PASS"),
            ["GIT_USERNAME"] = SecretValue.Import("stack-SSMGHUserName"),
            ["DB"] = SecretValue.FromSecretsManager("demo/test/mysql"),
        }));
    }

    [Test]
    public void Storage_topics_and_network()
    {
        var manifest = LoadCompat().Manifest;

        var volume = manifest.Storage!.Volumes["managedEFSVolume"];
        Assert.That((manifest.Storage.Ephemeral, volume.Path, volume.ReadOnly, volume.Efs!.IsManaged), Is.EqualTo(((int?)200, "/etc/mount1", (bool?)false, true)));
        Assert.That(manifest.Topics.Single(), Is.EqualTo(new TopicConfig { Name = "mytopic", Fifo = true }));
        Assert.That(manifest.Network!.Placement, Is.EqualTo("public"));
        Assert.That(manifest.Network.SecurityGroups, Is.EqualTo(new[]
        {
            new SecurityGroupRef("sg-0c10c4fe23f5e5361"),
            new SecurityGroupRef("sg-09295097b2a41b59d"),
            new SecurityGroupRef(null, "MyUserDBAccessSecurityGroup1"),
            new SecurityGroupRef(null, "MyUserDBAccessSecurityGroup2"),
        }));
    }

    [Test]
    public void Nginx_sidecar()
    {
        var nginx = LoadCompat().Manifest.Sidecars["nginx"];

        Assert.That((nginx.Essential, nginx.ImageLocation, nginx.Port), Is.EqualTo(((bool?)true, "public.ecr.aws/nginx/nginx", "8080")));
        Assert.That(nginx.MountPoints.Single(), Is.EqualTo(new MountPointConfig { SourceVolume = "managedEFSVolume", Path = "/var/www" }));
        Assert.That(nginx.Variables["NGINX_PORT"], Is.EqualTo(VariableValue.Plain("8080")));
        Assert.That(nginx.Labels["com.amazonaws.ecs.copilot.sidecars.nginx.description"], Is.EqualTo("tricky"));
        Assert.That(nginx.Secrets["DB"], Is.EqualTo(SecretValue.FromSecretsManager("demo/testing/mysql")));
    }

    [Test]
    public void Overridden_fields_point_at_the_environment_block()
    {
        var source = LoadCompat().Manifest.Source;

        Assert.That(source.Locate("variables.DB_NAME.from_cfn").ToString(), Is.EqualTo("copilot/job/manifest.yml:84:19"));
        Assert.That(source.Locate("image.labels.com.amazonaws.ecs.copilot.coollabel").Line, Is.EqualTo(81));
        Assert.That(source.Locate("image.location").Line, Is.EqualTo(14));
    }

    [Test]
    public void Interpolated_text_is_the_whole_document_without_comments()
    {
        var text = LoadCompat().InterpolatedText;

        Assert.That(text, Does.StartWith("name: job\ntype: Scheduled Job\nimage:\n  labels:\n    com.amazonaws.ecs.copilot.description: Hello world!\n"));
        Assert.That(text, Does.Contain("environments:\n  test:\n"));
        Assert.That(text, Does.Not.Contain("#"));
    }
}
