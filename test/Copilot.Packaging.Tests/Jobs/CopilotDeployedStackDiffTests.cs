using Copilot.Packaging.Diff;
using Copilot.Packaging.Synthesis.EnvController;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>
/// A stack that copilot deployed from a manifest, diffed against what we package from the same manifest: only our
/// listed deliberate deviations may show (Metadata.Version, the env-controller runtime and code key).
/// </summary>
public class CopilotDeployedStackDiffTests
{
    // The context of copilot's golden case (compat/README.md): app my-app, env test, account 123456789123, us-west-2,
    // artifact bucket "bucket", the KMS key of job-test.params.json, endpoint test.my-app.local, env version v1.42.0.
    private const string Records = """
        application:
          name: my-app
          account: "123456789123"
          regions:
            us-west-2:
              bucket: bucket
              kmsKeyARN: arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
        environments:
          test:
            region: us-west-2
            accountID: "123456789123"
            version: v1.42.0
            serviceDiscoveryEndpoint: test.my-app.local
            features: [ALBWorkloads, EFSWorkloads, NATWorkloads, InternalALBWorkloads, Aliases, AppRunnerPrivateWorkloads]
        """;

    [Test]
    public void Only_the_deliberate_deviations_differ_from_copilots_deployed_template()
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        dir.Write("copilot/.records.yml", Records);
        dir.Write("copilot/job/manifest.yml", CompatData.ReadText("job-manifest.yml"));

        var ours = JobPackagingHarness.Package(dir.Path, "job", "test").TemplateText!;
        var deployed = CompatData.ReadText("job-test.stack.deployable.yml");
        var diff = TemplateDiffer.Compare(
            CloudFormationTemplateParser.Parse(deployed, "copilot's template"),
            CloudFormationTemplateParser.Parse(ours, "our template"));

        Assert.That(DiffTextWriter.Write(diff), Is.EqualTo($"""
            ~ Metadata:
                ~ Version: v1.29.0 -> v1.35.0
            ~ Resources/EnvControllerFunction/Properties:
                ~ Code:
                    ~ S3Key: manual/scripts/custom-resources/envcontrollerfunction/0123456789abcdef.zip -> {EnvControllerCode.S3Key}
                ~ Runtime: nodejs20.x -> nodejs22.x

            """));
    }
}
