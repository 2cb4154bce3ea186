using Copilot.Packaging.Addons;

namespace Copilot.Packaging.Tests.Addons;

public sealed class AddonsOutputsTests
{
    private AddonsTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new AddonsTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void T_TPL_02_outputs_are_classified_by_the_referenced_resource_type()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + """
            Resources:
              AdditionalResourcesPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: {Version: '2012-10-17', Statement: []}
              MySecret:
                Type: AWS::SecretsManager::Secret
            Outputs:
              AdditionalResourcesPolicyArn:
                Value: !Ref AdditionalResourcesPolicy
              MySecretArn:
                Value: !Ref MySecret
              Hello:
                Value: hello
            """);

        var addons = _files.ReadRequired();

        Assert.That(addons.VariableOutputs, Is.EqualTo(new[] { "Hello" }));
        Assert.That(addons.SecretOutputs, Is.EqualTo(new[] { "MySecretArn" }));
        Assert.That(addons.PolicyOutputs, Is.EqualTo(new[] { "AdditionalResourcesPolicyArn" }));
        Assert.That(addons.SecurityGroupOutputs, Is.Empty);
    }

    [Test]
    public void Security_group_outputs_are_also_variables_and_template_order_is_kept()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + """
            Resources:
              DbSecurityGroup:
                Type: AWS::EC2::SecurityGroup
              Table:
                Type: AWS::DynamoDB::Table
            Outputs:
              TableName:
                Value: {Ref: Table}
              DbSecurityGroupId:
                Value: {Ref: DbSecurityGroup}
              TableArn:
                Value: !GetAtt Table.Arn
              EnvName:
                Value: !Ref Env
              Dangling:
                Value: !Ref NotAResource
            """);

        var addons = _files.ReadRequired();

        Assert.That(addons.SecurityGroupOutputs, Is.EqualTo(new[] { "DbSecurityGroupId" }));
        Assert.That(addons.VariableOutputs, Is.EqualTo(new[] { "TableName", "DbSecurityGroupId", "TableArn", "EnvName", "Dangling" }));
        Assert.That(addons.SecretOutputs, Is.Empty);
        Assert.That(addons.PolicyOutputs, Is.Empty);
    }

    [Test]
    public void Outputs_referencing_a_resource_defined_in_another_file_are_classified_after_the_merge()
    {
        _files.Write("a.yml", AddonsTestFiles.ReservedParameters + "Outputs:\n  SecretArn:\n    Value: !Ref Secret\n")
            .Write("b.yml", "Resources:\n  Secret:\n    Type: AWS::SecretsManager::Secret\n");

        Assert.That(_files.ReadRequired().SecretOutputs, Is.EqualTo(new[] { "SecretArn" }));
    }

    [TestCase("MyTableName", "MY_TABLE_NAME")]
    [TestCase("usersDdbTableName", "USERS_DDB_TABLE_NAME")]
    [TestCase("MyDDBTableWithLSI", "MY_DDB_TABLE_WITH_LSI")]
    [TestCase("Hello", "HELLO")]
    [TestCase("MySecretArn", "MY_SECRET_ARN")]
    [TestCase("Bucket2Name", "BUCKET2_NAME")]
    [TestCase("S3BucketName", "S3_BUCKET_NAME")]
    [TestCase("ALLCAPS", "ALLCAPS")]
    [TestCase("already_snake", "ALREADY_SNAKE")]
    public void Env_var_names_are_snake_case(string output, string expected)
    {
        Assert.That(AddonsNaming.EnvVarName(output), Is.EqualTo(expected));
    }
}
