using System.IO.Abstractions;
using Copilot.Packaging.Output;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Jobs;

/// <summary>The files of <see cref="PackageMode.WriteFiles"/>: template, template configuration and addons template, written all or nothing.</summary>
internal static class PackageOutput
{
    /// <returns>The files written, in write order.</returns>
    public static IReadOnlyList<string> Write(
        IFileSystem fileSystem, string workingDirectory, PackageMode.WriteFiles mode, string job, string env, RenderedJob rendered, string templateText, CancellationToken cancellationToken)
    {
        var configuration = rendered.Stack.Configuration;
        var paramsFile = mode.ParamsFormat == ParamsFormat.Json
            ? new OutputFile($"{job}-{env}.params.json", TemplateConfigurationJson.Write(configuration))
            : new OutputFile($"{job}-{env}.params.yml", TemplateConfigurationYaml.Write(configuration));
        List<OutputFile> files = [new OutputFile($"{job}-{env}.stack.yml", templateText), paramsFile];
        if (rendered.AddonsText is not null)
        {
            files.Add(new OutputFile($"{job}.addons.stack.yml", rendered.AddonsText));
        }

        var outputDirectory = fileSystem.Path.GetFullPath(fileSystem.Path.Combine(workingDirectory, mode.OutputDirectory));

        // The last point at which a signal stops the run: after it, the files are renamed into place together.
        cancellationToken.ThrowIfCancellationRequested();
        return new AtomicFileWriter(fileSystem).WriteAll(outputDirectory, files, cancellationToken);
    }
}
