using System.IO.Abstractions;
using Copilot.Packaging.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Jobs;
using Copilot.Packaging.Reporting;
using Copilot.Packaging.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Copilot.Testing;

namespace Copilot.Packaging.Tests.Jobs;

/// <summary>
/// Property (issue: bad input never crashes): a valid manifest, mutated line by line, either packages or fails with a
/// <see cref="CopilotJobException"/> whose message is located in the manifest — never any other exception.
/// The whole pipeline runs: read, interpolate, override, bind, validate, synthesize, write.
/// </summary>
[NonParallelizable]
[Category(TestCategories.Slow)]
public class ManifestMutationPropertyTests
{
    private const string ManifestPath = "copilot/mailer/manifest.yml";

    private const string Records = """
        application:
          name: my-app
          account: "123456789123"
          regions:
            us-west-2: {bucket: my-bucket, kmsKeyARN: "arn:aws:kms:us-west-2:123456789123:key/abc"}
        environments:
          test: {region: us-west-2, accountID: "123456789123", version: v1.42.0, features: [EFSWorkloads, NATWorkloads]}
        """;

    private static readonly string[] BaseManifest =
    [
        "name: mailer",
        "type: Scheduled Job",
        "on:",
        "  schedule: \"0 9 * * 1-5\"",
        "retries: 3",
        "timeout: 1h30m",
        "image:",
        "  location: public.ecr.aws/nginx/nginx:latest",
        "  labels:",
        "    team: mail",
        "  depends_on:",
        "    sidecar: start",
        "cpu: 512",
        "memory: 1024",
        "platform: linux/arm64",
        "command: [\"send\", \"--all\"]",
        "variables:",
        "  LOG_LEVEL: info",
        "  DB_NAME:",
        "    from_cfn: MyDbName",
        "secrets:",
        "  TOKEN: /copilot/my-app/test/secrets/token",
        "  DB:",
        "    secretsmanager: demo/db",
        "storage:",
        "  ephemeral: 40",
        "  volumes:",
        "    data:",
        "      path: /var/data",
        "      read_only: false",
        "      efs: true",
        "logging:",
        "  destination:",
        "    Name: cloudwatch",
        "    region: us-west-2",
        "sidecars:",
        "  sidecar:",
        "    image: public.ecr.aws/docker/library/busybox:latest",
        "    port: 8080/tcp",
        "    essential: true",
        "    variables:",
        "      MODE: side",
        "network:",
        "  vpc:",
        "    placement: private",
        "    security_groups:",
        "      - sg-0123456789abcdef0",
        "publish:",
        "  topics:",
        "    - name: sent",
        "      fifo: true",
        "taskdef_overrides:",
        "  - path: ContainerDefinitions[0].Ulimits[-].HardLimit",
        "    value: 1024",
        "environments:",
        "  test:",
        "    cpu: 1024",
        "    memory: 2048",
    ];

    private static readonly string[] HostileValues =
    [
        "[1, 2]", "{a: b}", "-1", "0", "\"\"", "true", "99999999999999999999", "*missing", "&anchor x", "!Ref X",
        "\"${UNDEFINED_VARIABLE}\"", "\"@every 0m\"", "a: b: c", "|", ">-", "null", "~", "'unterminated", "\"\\u00e9t\\u00e9\"",
        "[", "{", "0x1F", "1e400", "\"cron(0 12 * * MON *)\"", "\"* * 1 * SUN\"", "windows/amd64", "\"8080/sctp\"",
    ];

    [FsCheck.NUnit.Property(MaxTest = 250, QuietOnSuccess = true)]
    public Property A_mutated_manifest_packages_or_fails_with_a_located_user_error() =>
        Prop.ForAll(Arb.From(Mutations()), lines =>
        {
            var outcome = Package(string.Join('\n', lines) + "\n");
            Assert.That(outcome, Is.Null.Or.Contains(ManifestPath + ":"), string.Join('\n', lines));
        });

    [Test]
    public void A_parser_failure_without_a_position_is_located_after_the_last_good_token()
    {
        // Found by the property: YamlDotNet throws InvalidOperationException (no mark) on this input.
        var lines = BaseManifest.ToArray();
        lines[0] = "name: [";
        lines = [.. lines.Take(42), "network:", .. lines.Skip(42)];

        Assert.That(Package(string.Join('\n', lines) + "\n"), Does.StartWith(ManifestPath + ":").And.Contain("not valid YAML after this point"));
    }

    [Test]
    public void The_unmutated_manifest_packages() =>
        Assert.That(Package(string.Join('\n', BaseManifest) + "\n"), Is.Null);

    // Null on success; the error text on a user error; any other exception fails the property.
    private static string? Package(string manifest)
    {
        using var dir = new TempDirectory();
        dir.Write("copilot/.workspace", "application: my-app\n");
        dir.Write("copilot/.records.yml", Records);
        dir.Write(ManifestPath, manifest);
        var packager = new JobPackager(
            new FileSystem(),
            new DictionaryEnvironmentVariables(new Dictionary<string, string>()),
            NullPackagingReporter.Instance);
        try
        {
            packager.PackageAsync(
                new JobPackageRequest { WorkingDirectory = dir.Path, JobName = "mailer", EnvironmentName = "test", Mode = new PackageMode.WriteFiles { OutputDirectory = "out" } },
                CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (CopilotJobException ex)
        {
            Assert.That(Directory.Exists(Path.Combine(dir.Path, "out")), Is.False, "a failed run wrote output");
            return ex.Describe();
        }
    }

    private static Gen<string[]> Mutations() =>
        from count in Gen.Choose(1, 3)
        from steps in Gen.ListOf(Mutation(), count)
        select steps.Aggregate(BaseManifest, (lines, step) => step(lines));

    private static Gen<Func<string[], string[]>> Mutation() =>
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, 10_000)
        from value in Gen.Elements(HostileValues)
        select (Func<string[], string[]>)(lines => Apply(lines, kind, position % Math.Max(1, lines.Length), value));

    private static string[] Apply(string[] lines, int kind, int index, string value)
    {
        if (lines.Length == 0)
        {
            return lines;
        }

        var list = lines.ToList();
        var line = list[index];
        switch (kind)
        {
            case 0:
                list.RemoveAt(index);
                break;
            case 1:
                list.Insert(index, line);
                break;
            case 2:
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                list[index] = colon < 0 ? line + " " + value : line[..(colon + 1)] + " " + value;
                break;
            case 3:
                list[index] = line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : "  " + line;
                break;
            default:
                var trimmed = line.TrimStart();
                var indent = line[..(line.Length - trimmed.Length)];
                list[index] = trimmed.Length > 2 ? indent + trimmed[1] + trimmed[0] + trimmed[2..] : line;
                break;
        }

        return [.. list];
    }
}
