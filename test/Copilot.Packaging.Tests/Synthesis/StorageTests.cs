using Copilot.Packaging.Manifest.Model;
using Copilot.Packaging.Yaml;
using YamlDotNet.RepresentationModel;
using static Copilot.Packaging.Tests.Synthesis.SynthesisFixtures;

namespace Copilot.Packaging.Tests.Synthesis;

public class StorageTests
{
    private const string Properties = "Resources.TaskDefinition.Properties";

    private static YamlMappingNode Render(StorageConfig storage, string job = "report") =>
        Synthesizer().Synthesize(Input(MinimalManifest(job) with { Storage = storage })).Template;

    private static StorageConfig ManagedOnly(EfsConfig efs) =>
        new() { Volumes = new Dictionary<string, VolumeConfig> { ["data"] = new() { Path = "/data", Efs = efs } } };

    [TestCase("job", 4225294584L, TestName = "T_TR_04 job name job")]
    [TestCase("fe", 1336298249L, TestName = "T_TR_01 job name fe")]
    public void Managed_access_point_ids_default_to_the_crc32_of_the_job_name(string job, long id)
    {
        var template = Render(ManagedOnly(new EfsConfig { Enabled = true }), job);

        Assert.That(TemplatePaths.Text(template, "Resources.AccessPoint.Properties.PosixUser.Uid"), Is.EqualTo(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(TemplatePaths.Text(template, "Resources.AccessPoint.Properties.RootDirectory.CreationInfo.OwnerGid"), Is.EqualTo(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(TemplatePaths.Text(template, "Resources.AccessPoint.Properties.RootDirectory.Path"), Is.EqualTo("/" + job));
    }

    [Test]
    public void T_TR_02_uid_and_gid_override_the_access_point_ids()
    {
        var template = Render(ManagedOnly(new EfsConfig { Uid = 10000, Gid = 100000 }));

        Assert.That(TemplatePaths.Text(template, "Resources.AccessPoint.Properties.PosixUser.Uid"), Is.EqualTo("10000"));
        Assert.That(TemplatePaths.Text(template, "Resources.AccessPoint.Properties.PosixUser.Gid"), Is.EqualTo("100000"));
    }

    [Test]
    public void Managed_efs_comes_first_and_turns_on_the_environment_feature()
    {
        var storage = new StorageConfig
        {
            Volumes = new Dictionary<string, VolumeConfig>
            {
                ["aaa"] = new() { Path = "/a" },
                ["zzz"] = new() { Path = "/z", Efs = new EfsConfig { Enabled = true } },
            },
        };

        var template = Render(storage);

        Assert.That(TemplatePaths.Text(template, $"{Properties}.Volumes[0].Name"), Is.EqualTo("zzz"));
        Assert.That(TemplatePaths.Text(template, $"{Properties}.Volumes[0].EFSVolumeConfiguration.AuthorizationConfig.IAM"), Is.EqualTo("ENABLED"));
        Assert.That(TemplatePaths.Keys(template, $"{Properties}.Volumes[1]"), Is.EqualTo(new[] { "Name" }));
        Assert.That(TemplatePaths.Text(template, "Resources.EnvControllerAction.Properties.Parameters[0]"), Is.EqualTo("EFSWorkloads"));
        Assert.That(TemplatePaths.Text(template, "Resources.AddonsStack.DependsOn"), Is.EqualTo("EnvControllerAction"));
        Assert.That(TemplatePaths.Text(template, "Resources.TaskRole.Properties.Policies[1].PolicyName"), Is.EqualTo("GrantAccessCopilotManagedEFS"));
        Assert.That(TemplatePaths.Keys(template, "Resources"), Does.Contain("AccessPoint"));
        Assert.That(TemplatePaths.Text(template, $"{Properties}.ContainerDefinitions[0].MountPoints[0].SourceVolume"), Is.EqualTo("aaa"));
    }

    [Test]
    public void Bring_your_own_efs_volumes_get_numbered_policies_in_volume_name_order()
    {
        var template = Render(SynthesisScenarios.ByoEfsStorage());
        var text = YamlTextWriter.Write(template);

        // "imported" sorts before "shared", so it is policy 0.
        Assert.That(text, Does.Contain(
            "        - PolicyName: !Join ['', ['GrantEFSAccess', !ImportValue SharedFileSystemId, '-0']]\n"));
        Assert.That(text, Does.Contain(
            "                Resource:\n                  - !Join ['/', [!Sub 'arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system', !ImportValue SharedFileSystemId]]\n"));
        Assert.That(TemplatePaths.Text(template, "Resources.TaskRole.Properties.Policies[2].PolicyName"), Is.EqualTo("GrantEFSAccessfs-1234abcd-1"));
        var shared = "Resources.TaskRole.Properties.Policies[2].PolicyDocument.Statement[0]";
        Assert.That(((YamlSequenceNode)TemplatePaths.Node(template, shared + ".Action")).Children, Has.Count.EqualTo(2));
        Assert.That(TemplatePaths.Text(template, shared + ".Condition.StringEquals.elasticfilesystem:AccessPointArn"), Does.EndWith(":access-point/fsap-1234abcd"));
        var imported = "Resources.TaskRole.Properties.Policies[1].PolicyDocument.Statement[0]";
        Assert.That(((YamlSequenceNode)TemplatePaths.Node(template, imported + ".Action")).Children, Has.Count.EqualTo(1));
        Assert.That(TemplatePaths.Find(template, imported + ".Condition"), Is.Null);
    }

    [Test]
    public void Bring_your_own_efs_volume_configuration_defaults_root_and_disables_iam_unless_asked()
    {
        var template = Render(SynthesisScenarios.ByoEfsStorage());

        var imported = $"{Properties}.Volumes[0].EFSVolumeConfiguration";
        Assert.That(TemplatePaths.Tag(template, imported + ".FilesystemId"), Is.EqualTo("!ImportValue"));
        Assert.That(TemplatePaths.Text(template, imported + ".RootDirectory"), Is.EqualTo("/data"));
        Assert.That(TemplatePaths.Text(template, imported + ".AuthorizationConfig.IAM"), Is.EqualTo("DISABLED"));
        Assert.That(TemplatePaths.Keys(template, imported + ".AuthorizationConfig"), Is.EqualTo(new[] { "IAM" }));
        var shared = $"{Properties}.Volumes[1].EFSVolumeConfiguration";
        Assert.That(TemplatePaths.Text(template, shared + ".FilesystemId"), Is.EqualTo("fs-1234abcd"));
        Assert.That(TemplatePaths.Text(template, shared + ".RootDirectory"), Is.EqualTo("/"));
        Assert.That(TemplatePaths.Text(template, shared + ".AuthorizationConfig.AccessPointId"), Is.EqualTo("fsap-1234abcd"));
        Assert.That(TemplatePaths.Text(template, shared + ".AuthorizationConfig.IAM"), Is.EqualTo("ENABLED"));
        Assert.That(TemplatePaths.Keys(template, "Resources"), Does.Not.Contain("AccessPoint"));
        Assert.That(((YamlSequenceNode)TemplatePaths.Node(template, "Resources.EnvControllerAction.Properties.Parameters")).Children, Is.Empty);
    }

    [Test]
    public void Main_container_mount_points_and_their_variable_are_sorted_by_volume()
    {
        var template = Render(SynthesisScenarios.ByoEfsStorage());

        Assert.That(TemplatePaths.Text(template, $"{Properties}.ContainerDefinitions[0].MountPoints[0].ContainerPath"), Is.EqualTo("/mnt/imported"));
        Assert.That(TemplatePaths.Text(template, $"{Properties}.ContainerDefinitions[0].MountPoints[0].ReadOnly"), Is.EqualTo("true"));
        Assert.That(TemplatePaths.Text(template, $"{Properties}.ContainerDefinitions[0].MountPoints[1].ReadOnly"), Is.EqualTo("false"));
        Assert.That(((YamlScalarNode)TemplatePaths.Environment(template, 0)["COPILOT_MOUNT_POINTS"]).Value,
            Is.EqualTo("{\"imported\":\"/mnt/imported\",\"shared\":\"/mnt/shared\"}"));
    }

    [TestCase(20, null, TestName = "T_TR_05 ephemeral 20 is dropped")]
    [TestCase(100, "100", TestName = "T_TR_05 ephemeral 100 is kept")]
    public void Ephemeral_storage(int size, string? rendered)
    {
        var template = Render(new StorageConfig { Ephemeral = size });

        var node = TemplatePaths.Find(template, $"{Properties}.EphemeralStorage.SizeInGiB");
        Assert.That((node as YamlScalarNode)?.Value, Is.EqualTo(rendered));
        Assert.That(TemplatePaths.Find(template, $"{Properties}.Volumes"), Is.Null);
        Assert.That(TemplatePaths.Find(template, $"{Properties}.ContainerDefinitions[0].MountPoints"), Is.Null);
    }
}
