namespace Copilot.Packaging.Upload;

/// <summary>A Dockerfile and its build context, as absolute paths.</summary>
/// <param name="Dockerfile">The Dockerfile.</param>
/// <param name="Context">The build context directory.</param>
internal sealed record DockerfileLocation(string Dockerfile, string Context);
