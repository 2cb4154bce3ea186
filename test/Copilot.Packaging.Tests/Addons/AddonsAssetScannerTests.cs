using Copilot.Packaging.Addons;

namespace Copilot.Packaging.Tests.Addons;

public sealed class AddonsAssetScannerTests
{
    private AddonsTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new AddonsTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [TestCase("AWS::ApiGateway::RestApi", "BodyS3Location", false, AddonsAssetReplacement.BucketKeyMap)]
    [TestCase("AWS::Lambda::Function", "Code", true, AddonsAssetReplacement.S3BucketS3KeyMap)]
    [TestCase("AWS::Lambda::LayerVersion", "Content", true, AddonsAssetReplacement.S3BucketS3KeyMap)]
    [TestCase("AWS::Serverless::Function", "CodeUri", true, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::Serverless::LayerVersion", "ContentUri", true, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::Serverless::Application", "Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::Serverless::Api", "DefinitionUri", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle", false, AddonsAssetReplacement.S3BucketS3KeyMap)]
    [TestCase("AWS::CloudFormation::Stack", "TemplateURL", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::Glue::Job", "Command.ScriptLocation", false, AddonsAssetReplacement.S3Uri)]
    [TestCase("AWS::StepFunctions::StateMachine", "DefinitionS3Location", false, AddonsAssetReplacement.BucketKeyMap)]
    [TestCase("AWS::Serverless::StateMachine", "DefinitionUri", false, AddonsAssetReplacement.BucketKeyMap)]
    [TestCase("AWS::CodeCommit::Repository", "Code.S3", true, AddonsAssetReplacement.BucketKeyMap)]
    public void Each_packageable_property_with_a_local_path_is_found(string type, string propertyPath, bool zip, object replacement)
    {
        // object: a public test method cannot take the internal enum; NUnit passes the boxed value.
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + $"Resources:\n  Thing:\n    Type: {type}\n    Properties:\n{Nest(propertyPath, "src/thing")}");

        var assets = AddonsAssetScanner.FindLocalAssets(_files.ReadRequired());

        Assert.That(assets, Is.EqualTo(new[] { new AddonsAsset("Thing", propertyPath, "src/thing", zip, (AddonsAssetReplacement)replacement) }));
    }

    [TestCase("s3://bucket/key")]
    [TestCase("https://example.com/x.zip")]
    [TestCase("http://example.com/x.zip")]
    [TestCase("''")]
    [TestCase("!Sub '${AWS::Region}/code'")]
    [TestCase("{S3Bucket: b, S3Key: k}")]
    public void Remote_empty_tagged_and_structured_values_are_not_local(string value)
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + $"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: {value}\n");

        Assert.That(AddonsAssetScanner.FindLocalAssets(_files.ReadRequired()), Is.Empty);
    }

    [Test]
    public void Properties_of_other_resource_types_are_ignored()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "Resources:\n  Fn:\n    Type: AWS::S3::Bucket\n    Properties:\n      Code: src\n");

        Assert.That(AddonsAssetScanner.FindLocalAssets(_files.ReadRequired()), Is.Empty);
    }

    [Test]
    public void Aws_include_transforms_with_a_local_location_are_found_anywhere()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + """
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Body:
                    Fn::Transform:
                      Name: AWS::Include
                      Parameters:
                        Location: swagger.yml
              Other:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Fn::Transform:
                        Name: AWS::Include
                        Parameters:
                          Location: s3://bucket/tags.yml
            Outputs:
              Fn::Transform:
                Name: AWS::Include
                Parameters:
                  Location: outputs.yml
            """);

        var assets = AddonsAssetScanner.FindLocalAssets(_files.ReadRequired());

        Assert.That(assets, Is.EqualTo(new[]
        {
            new AddonsAsset(null, "Resources.Api.Properties.Body.Fn::Transform.Parameters.Location", "swagger.yml", false, AddonsAssetReplacement.S3Uri),
            new AddonsAsset(null, "Outputs.Fn::Transform.Parameters.Location", "outputs.yml", false, AddonsAssetReplacement.S3Uri),
        }));
    }

    private static string Nest(string propertyPath, string value)
    {
        var keys = propertyPath.Split('.');
        var lines = keys.Select((k, i) => new string(' ', 6 + (2 * i)) + k + ":" + (i == keys.Length - 1 ? " " + value : string.Empty));
        return string.Join("\n", lines) + "\n";
    }
}
