using Copilot.Packaging.Manifest.Model;

namespace Copilot.Packaging.Manifest.Binding;

/// <summary>Binds <c>logging</c>: retention and the FireLens log router settings.</summary>
internal static class LoggingBinder
{
    public static LoggingConfig? Bind(MapReader? logging) => logging is null
        ? null
        : new LoggingConfig
        {
            Retention = logging.Int("retention"),
            Image = logging.String("image"),
            Destination = logging.StringMap("destination"),
            EnableMetadata = logging.Bool("enableMetadata"),
            SecretOptions = logging.Secrets("secretOptions"),
            ConfigFilePath = logging.String("configFilePath"),
            Variables = logging.Variables("variables"),
            Secrets = logging.Secrets("secrets"),
            EnvFile = logging.String("env_file"),
        };
}
