using System.IO.Abstractions;
using Copilot.Packaging.Addons;
using Copilot.Packaging.Tests.Support;

namespace Copilot.Packaging.Tests.Addons;

/// <summary>An addons directory in a real temp folder, read through <see cref="AddonsReader"/>.</summary>
internal sealed class AddonsTestFiles : IDisposable
{
    public const string Display = "copilot/mailer/addons";

    private readonly TempDirectory _root = new();

    public string Directory => Path.Combine(_root.Path, "copilot", "mailer", "addons");

    public AddonsTestFiles Write(string name, string content)
    {
        _root.Write(Path.Combine("copilot", "mailer", "addons", name), content);
        return this;
    }

    public AddonsTemplate? Read() => AddonsReader.Read(new FileSystem(), Directory, Display);

    public AddonsTemplate ReadRequired() => Read() ?? throw new AssertionException("expected addons");

    public void Dispose() => _root.Dispose();

    /// <summary>The App/Env/Name parameters every addons template declares.</summary>
    public const string ReservedParameters = """
        Parameters:
          App:
            Type: String
          Env:
            Type: String
          Name:
            Type: String

        """;

    /// <summary>
    /// A full template using every kept section; line and column positions matter to the conflict tests:
    /// Metadata.Services value at 4:7, Parameters.Name value at 15:9, Mappings.MyTableDynamoDBSettings.test value at
    /// 21:13, Conditions.IsProd at 28:13, Resources.MyTable value at 34:9, Outputs.MyTableAccessPolicy value at 55:9.
    /// </summary>
    public const string First = """
        Metadata:
            Version: 1
            Services:
              - api
              - fe

        Parameters:
            App:
                Type: String
                Description: The application name.
            Env:
                Type: String
                Description: The environment name.
            Name:
                Type: String
                Description: The job name.

        Mappings:
            MyTableDynamoDBSettings:
                test:
                    RCU: 5
                    WCU: 5
                prod:
                    RCU: 50
                    WCU: 25

        Conditions:
            IsProd: !Equals [!Ref Env, prod]

        Transform: AWS::Serverless-2016-10-31

        Resources:
            MyTable:
                Type: AWS::DynamoDB::Table
                Properties:
                    TableName: !Sub '${App}-${Env}-${Name}-mytable'
                    KeySchema:
                        - AttributeName: id
                          KeyType: HASH
            MyTableAccessPolicy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                    PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                            - Effect: Allow
                              Action: dynamodb:Query
                              Resource: !GetAtt MyTable.Arn

        Outputs:
            MyTableName:
                Description: "The table's name."
                Value: !Ref MyTable
            MyTableAccessPolicy:
                Description: "The policy to attach to the task role."
                Value: !Ref MyTableAccessPolicy
        """;
}
