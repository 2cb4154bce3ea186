using Copilot.Packaging.Addons;
using Copilot.Packaging.Tests.Addons;

namespace Copilot.Packaging.Tests.Synthesis;

/// <summary>Addons directories for synthesis tests, written to a temp folder and read through <see cref="AddonsReader"/>.</summary>
internal static class SynthesisAddons
{
    /// <summary>
    /// A small addons stack a job might carry: a DynamoDB table (its name is a variable output), a managed policy to
    /// use it, a generated secret and a security group, plus an extra parameter that refers to the job's log group.
    /// </summary>
    public const string OrdersTemplate = """
        Parameters:
          App:
            Type: String
            Description: Your application's name.
          Env:
            Type: String
            Description: The environment name your job is being deployed to.
          Name:
            Type: String
            Description: Your job's name.
          LogGroupName:
            Type: String
            Description: The job's log group, for the table's audit trail.
        Resources:
          ordersTable:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub ${App}-${Env}-${Name}-orders
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions:
                - AttributeName: id
                  AttributeType: S
              KeySchema:
                - AttributeName: id
                  KeyType: HASH
              Tags:
                - Key: LogGroup
                  Value: !Ref LogGroupName
          ordersAccessPolicy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Description: Read and write the orders table.
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action:
                      - dynamodb:GetItem
                      - dynamodb:PutItem
                      - dynamodb:Query
                    Resource: !GetAtt ordersTable.Arn
          ordersApiKey:
            Type: AWS::SecretsManager::Secret
            Properties:
              Description: The key the job sends to the orders API.
              GenerateSecretString:
                PasswordLength: 32
                ExcludePunctuation: true
          ordersSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Lets the job reach the orders database.
              VpcId:
                Fn::ImportValue: !Sub ${App}-${Env}-VpcId
        Outputs:
          ordersTableName:
            Description: The name of the orders table.
            Value: !Ref ordersTable
          ordersAccessPolicyArn:
            Description: The policy that grants access to the orders table.
            Value: !Ref ordersAccessPolicy
          ordersApiKeyArn:
            Description: The orders API key.
            Value: !Ref ordersApiKey
          ordersSecurityGroupId:
            Description: The security group of the orders database clients.
            Value: !Ref ordersSecurityGroup

        """;

    /// <summary>The parameters file for <see cref="OrdersTemplate"/>: a <c>!Ref</c> of the main template's log group.</summary>
    public const string OrdersParameters = """
        Parameters:
          LogGroupName: !Ref LogGroup

        """;

    /// <summary>The T-TPL-02 template: a managed policy, a secret and a plain value output.</summary>
    public const string TplTwoTemplate = """
        Parameters:
          App:
            Type: String
          Env:
            Type: String
          Name:
            Type: String
          ServiceName:
            Type: String
          DiscoveryServiceArn:
            Type: String
        Resources:
          AdditionalResourcesPolicy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Action: dynamodb:Query
                    Resource: '*'
          MySecret:
            Type: AWS::SecretsManager::Secret
        Outputs:
          AdditionalResourcesPolicyArn:
            Value: !Ref AdditionalResourcesPolicy
          MySecretArn:
            Value: !Ref MySecret
          Hello:
            Value: hello

        """;

    /// <summary>The T-TPL-02 parameters text.</summary>
    public const string TplTwoParameters = """
        Parameters:
          ServiceName: !GetAtt Service.Name
          DiscoveryServiceArn: !GetAtt DiscoveryService.Arn

        """;

    /// <summary>The orders addons (template and parameters file).</summary>
    public static AddonsTemplate Orders() => Read(("orders.yml", OrdersTemplate), ("addons.parameters.yml", OrdersParameters));

    /// <summary>The T-TPL-02 addons.</summary>
    public static AddonsTemplate TplTwo() => Read(("template.yml", TplTwoTemplate), ("addons.parameters.yml", TplTwoParameters));

    /// <summary>Writes the files to a fresh <c>copilot/mailer/addons</c> directory and reads it back.</summary>
    public static AddonsTemplate Read(params (string Name, string Content)[] files)
    {
        using var directory = new AddonsTestFiles();
        foreach (var (name, content) in files)
        {
            directory.Write(name, content);
        }

        return directory.ReadRequired();
    }
}
