namespace Copilot.Packaging.Addons;

/// <summary>How the main template uses an addons output, decided by the type of the resource its value references.</summary>
internal enum AddonsOutputKind
{
    /// <summary>Anything else: an environment variable of every container.</summary>
    Variable,

    /// <summary><c>!Ref</c> of an <c>AWS::SecretsManager::Secret</c>: a secret of the main container.</summary>
    Secret,

    /// <summary><c>!Ref</c> of an <c>AWS::IAM::ManagedPolicy</c>: a managed policy of the task role.</summary>
    ManagedPolicy,

    /// <summary><c>!Ref</c> of an <c>AWS::EC2::SecurityGroup</c>: a security group of the task, and also a variable.</summary>
    SecurityGroup,
}
