using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// Options for Kim's storage clients, shaped like the official SDKs' client options: a service
/// version, plus everything <see cref="ClientOptions"/> offers (retry, transport, extra policies
/// through <see cref="ClientOptions.AddPolicy"/>, e.g. a request counter in tests).
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST API versions these clients speak.</summary>
#pragma warning disable CA1034 // Nested like the official SDKs' ServiceVersion, so callers write StorageClientOptions.ServiceVersion.
    public enum ServiceVersion
#pragma warning restore CA1034
    {
        /// <summary>Blob and Queue 2025-11-05 (the newest Azurite accepts); Tables 2020-12-06.</summary>
        V2025_11_05 = 1,
    }

    public const ServiceVersion LatestVersion = ServiceVersion.V2025_11_05;

    public StorageClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = version switch
        {
            ServiceVersion.V2025_11_05 => version,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown storage service version."),
        };
    }

    public ServiceVersion Version { get; }

    /// <summary>The <c>x-ms-version</c> for Blob and Queue requests.</summary>
    internal string BlobQueueVersion => "2025-11-05";

    /// <summary>The <c>x-ms-version</c> for Table requests: the Tables service's newest version is 2020-12-06.</summary>
    internal string TableVersion => "2020-12-06";
}
