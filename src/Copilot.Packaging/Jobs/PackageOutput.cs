using System.IO.Abstractions;
using Copilot.Packaging.Errors;
using Copilot.Packaging.Output;
using Copilot.Packaging.Synthesis;

namespace Copilot.Packaging.Jobs;

/// <summary>
/// The files of <see cref="PackageMode.WriteFiles"/>: template, template configuration and addons template, written
/// all or nothing, for one run or for every pair of a batch together.
/// </summary>
/// <param name="Directory">The full path of the output directory.</param>
/// <param name="Files">The files, in write order.</param>
internal sealed record PackageOutput(string Directory, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The files of one job and environment.</summary>
    public static PackageOutput For(IFileSystem fileSystem, string workingDirectory, PackageMode.WriteFiles mode, string job, string env, RenderedJob rendered)
    {
        var configuration = rendered.Stack.Configuration;
        var paramsFile = mode.ParamsFormat == ParamsFormat.Json
            ? new OutputFile($"{job}-{env}.params.json", TemplateConfigurationJson.Write(configuration))
            : new OutputFile($"{job}-{env}.params.yml", TemplateConfigurationYaml.Write(configuration));
        List<OutputFile> files = [new OutputFile($"{job}-{env}.stack.yml", rendered.TemplateText), paramsFile];
        if (rendered.AddonsText is not null)
        {
            files.Add(new OutputFile($"{job}.addons.stack.yml", rendered.AddonsText));
        }

        return new PackageOutput(fileSystem.Path.GetFullPath(fileSystem.Path.Combine(workingDirectory, mode.OutputDirectory)), files);
    }

    /// <summary>
    /// The files of several pairs as one set: a job's addons template (one file for all its environments) is written
    /// once when every environment produced the same text.
    /// </summary>
    /// <exception cref="CopilotJobException">Two environments of a job produced different addons templates.</exception>
    public static PackageOutput Combine(IReadOnlyList<PackageOutput> outputs)
    {
        var files = new List<OutputFile>();
        var byName = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var file in outputs.SelectMany(o => o.Files))
        {
            if (byName.TryGetValue(file.FileName, out var earlier))
            {
                if (!string.Equals(earlier.Content, file.Content, StringComparison.Ordinal))
                {
                    throw new CopilotJobException(
                        $"{file.FileName} would be written twice with different contents: the job's environments produced different addons templates",
                        recommendation: "Write the environments of this job to separate output directories.");
                }

                continue;
            }

            byName.Add(file.FileName, file);
            files.Add(file);
        }

        return new PackageOutput(outputs[0].Directory, files);
    }

    /// <returns>The files, in write order, and those that already held their content.</returns>
    public AtomicWriteResult Write(IFileSystem fileSystem, CancellationToken cancellationToken)
    {
        // The last point at which a signal stops the run: after it, the files are renamed into place together.
        cancellationToken.ThrowIfCancellationRequested();
        return new AtomicFileWriter(fileSystem).Write(Directory, Files, cancellationToken);
    }
}
