namespace Copilot.Packaging.Aws;

/// <summary>Sees each AWS API call the core makes, once per logical call (retries are not counted again).</summary>
public interface IAwsCallObserver
{
    /// <summary>Called just before a call is sent.</summary>
    /// <param name="service">The service, for example <c>SSM</c> or <c>CloudFormation</c>.</param>
    /// <param name="operation">The operation, for example <c>GetParameter</c>.</param>
    /// <param name="region">The region the call is signed for.</param>
    void OnCall(string service, string operation, string region);
}
