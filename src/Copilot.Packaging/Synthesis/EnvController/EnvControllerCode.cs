namespace Copilot.Packaging.Synthesis.EnvController;

/// <summary>
/// The code of the <c>EnvControllerFunction</c> Lambda: our own handler (<c>src/envcontroller/index.js</c>),
/// zipped at build time into a single stored entry <c>index.js</c> with fixed metadata, so that the same
/// source gives the same bytes, hash and S3 key on every machine.
/// </summary>
internal static partial class EnvControllerCode
{
    /// <summary>The Lambda runtime the handler is written for.</summary>
    public const string Runtime = "nodejs22.x";

    /// <summary>The Lambda handler: the <c>handler</c> export of <c>index.js</c>.</summary>
    public const string Handler = "index.handler";

    /// <summary>The S3 key prefix of the zip; the key is this prefix, the SHA-256 of the zip in hex, and <c>.zip</c>.</summary>
    public const string S3KeyPrefix = "manual/scripts/custom-resources/envcontrollerfunction/";

    /// <summary>The name under which build/EnvControllerZip.targets embeds the zip.</summary>
    internal const string ResourceName = "Copilot.Packaging.Synthesis.EnvController.envcontroller.zip";

    private static readonly Lazy<byte[]> ZipBytes =
        new(() => EmbeddedResourceReader.ReadAll(typeof(EnvControllerCode).Assembly, ResourceName));

    /// <summary>The zip archive to upload as the Lambda's code.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without the zip.</exception>
    public static ReadOnlyMemory<byte> Zip => ZipBytes.Value;

    /// <summary>
    /// The SHA-256 of <see cref="Zip"/>, as 64 lower-case hex digits: computed by the build that embedded the zip
    /// (<c>BuiltSha256Hex</c>), so packaging never hashes it (a test checks the two agree).
    /// </summary>
    public static string Sha256Hex => BuiltSha256Hex;

    /// <summary>The S3 key of the zip: <c>manual/scripts/custom-resources/envcontrollerfunction/&lt;sha256hex&gt;.zip</c>.</summary>
    public static string S3Key => $"{S3KeyPrefix}{Sha256Hex}.zip";

    /// <summary>Where the zip lives in the given bucket (the application's regional bucket).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <exception cref="ArgumentException">The bucket name is empty.</exception>
    public static S3Location Locate(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        return new S3Location(bucket, S3Key);
    }
}
