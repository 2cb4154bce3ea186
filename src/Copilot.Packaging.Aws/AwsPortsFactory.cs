using System.IO.Abstractions;
using Copilot.Packaging.Jobs;

namespace Copilot.Packaging.Aws;

/// <summary>The one place the core's AWS ports come from: records, deployed stacks, subnet lookup and asset publisher.</summary>
public static class AwsPortsFactory
{
    /// <summary>
    /// The AWS ports of a run, resolving credentials, region and endpoints from <paramref name="options"/> the first time
    /// a port is used (so an offline run never asks for credentials). Dispose the result at the end of the run.
    /// </summary>
    /// <param name="options">Credentials, region and endpoint settings (see <see cref="AwsContextOptions.FromEnvironment"/>).</param>
    /// <param name="fileSystem">The file system uploads read from; the real one by default.</param>
    public static AwsPorts Create(AwsContextOptions options, IFileSystem? fileSystem = null) =>
        new AwsConnector(options, fileSystem, processes: null).Ports();
}
