using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Kim.Core.Storage;

/// <summary>
/// Where Kim's storage lives and how to authenticate, read from the <c>AzureWebJobsStorage</c>
/// setting exactly as Azure Functions reads it: either a connection string (development storage,
/// account key, or explicit endpoints) or an identity-based connection (<c>__accountName</c> or
/// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>/<c>__blobServiceUri</c>) with a <see cref="TokenCredential"/>.
/// The one place that creates the SDK's service clients (<see cref="CreateTableServiceClient"/> and
/// its siblings). Microsoft.Extensions.Azure's <c>AddAzureClients</c> is not used: it binds a
/// <c>serviceUri</c> or <c>connectionString</c> per client and knows neither <c>__accountName</c> nor the
/// Functions host's three <c>__…ServiceUri</c> settings of one connection, so this reader would be
/// needed anyway and the registration would only wrap it.
/// https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string
/// https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity
/// </summary>
public sealed class StorageAccount
{
    public const string DefaultSettingName = "AzureWebJobsStorage";

    /// <summary>Azurite's well-known development account, published in its README.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// The Blob and Queue service version every client is pinned to. The SDKs' newest (2026-10-06)
    /// is refused by Azurite 3.35 (it accepts up to 2025-11-05), and Azure accepts this one: pinning
    /// keeps one code path for Azure and Azurite and needs no emulator flag, whereas starting Azurite
    /// with <c>--skipApiVersionCheck</c> would make the emulator accept what it may not implement.
    /// Tables keep the SDK's default version, which Azurite accepts.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <inheritdoc cref="BlobServiceVersion"/>
    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>Set for key-based connections; the key leaves this class only in a credential or <see cref="SharedKeyConnectionString"/>.</summary>
    private readonly (string Name, string Key)? _sharedKey;

    private StorageAccount(Uri table, Uri queue, Uri blob, (string Name, string Key)? sharedKey, TokenCredential? token)
    {
        TableEndpoint = table;
        QueueEndpoint = queue;
        BlobEndpoint = blob;
        _sharedKey = sharedKey;
        TokenCredential = token;
    }

    public Uri TableEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri BlobEndpoint { get; }

    /// <summary>The account of a key-based connection; null for identity-based ones.</summary>
    public string? AccountName => _sharedKey?.Name;

    /// <summary>Set for identity-based connections (Microsoft Entra ID).</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary><c>UseDevelopmentStorage=true</c>: Azurite on its default ports, path-style URLs.</summary>
    public static StorageAccount DevelopmentStorage { get; } = new(
        new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
        (DevelopmentAccountName, DevelopmentAccountKey),
        null);

    /// <summary>An identity-based account on explicit service endpoints.</summary>
    public static StorageAccount WithTokenCredential(Uri tableEndpoint, Uri queueEndpoint, Uri blobEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(tableEndpoint, queueEndpoint, blobEndpoint, null, credential);
    }

    /// <summary>
    /// Reads the connection named <paramref name="name"/> the way the Functions host does: the plain
    /// setting if present, otherwise its identity-based <c>name__…</c> settings.
    /// </summary>
    /// <param name="settings">Looks a setting up by its environment-variable name (with <c>__</c>); null when absent.</param>
    /// <param name="credentialFactory">
    /// Called only for an identity-based connection. Default: <see cref="DefaultAzureCredential"/>
    /// with <c>name__clientId</c> as the user-assigned managed identity, as the Functions host does.
    /// </param>
    /// <exception cref="InvalidOperationException">Neither a connection string nor identity-based settings are set.</exception>
    /// <exception cref="FormatException">A setting is malformed; the message names it, never its secret.</exception>
    public static StorageAccount FromSettings(
        Func<string, string?> settings, Func<TokenCredential>? credentialFactory = null, string name = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        credentialFactory ??= () => new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings($"{name}__clientId") });

        var connectionString = settings(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString, name);
        }

        var accountName = settings($"{name}__accountName");
        if (!string.IsNullOrWhiteSpace(accountName))
        {
            if (!IsValidAccountName(accountName))
            {
                throw new FormatException(
                    $"The setting '{name}__accountName' must be a storage account name: 3-24 lower-case letters and digits.");
            }

            return WithTokenCredential(
                new Uri($"https://{accountName}.table.core.windows.net"),
                new Uri($"https://{accountName}.queue.core.windows.net"),
                new Uri($"https://{accountName}.blob.core.windows.net"),
                credentialFactory());
        }

        var serviceUris = new[] { "tableServiceUri", "queueServiceUri", "blobServiceUri" }
            .Select(key => (Key: $"{name}__{key}", Value: settings($"{name}__{key}")))
            .ToList();
        if (serviceUris.Any(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            var missing = serviceUris.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Key).ToList();
            if (missing.Count > 0)
            {
                throw new FormatException(
                    $"The identity-based connection '{name}' needs all three service URIs; missing: {string.Join(", ", missing)}.");
            }

            var uris = serviceUris.Select(s => ParseEndpoint(s.Value!, s.Key)).ToList();
            return WithTokenCredential(uris[0], uris[1], uris[2], credentialFactory());
        }

        throw new InvalidOperationException(
            $"The storage setting '{name}' is missing. Set it to a connection string (e.g. 'UseDevelopmentStorage=true' " +
            $"for Azurite) or configure an identity-based connection with '{name}__accountName'.");
    }

    /// <summary>Parses a storage connection string.</summary>
    /// <param name="settingName">Named in error messages; the string itself never is, as it holds a secret.</param>
    public static StorageAccount Parse(string connectionString, string settingName = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Malformed(settingName, "every part must be 'Key=Value'");
            }

            // Values (keys, SAS tokens) may contain '=': split at the first one only.
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.Count == 0)
        {
            throw Malformed(settingName, "it is empty");
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed(settingName, "UseDevelopmentStorage must be 'true'");
            }

            if (parts.ContainsKey("DevelopmentStorageProxyUri"))
            {
                throw Malformed(settingName, "DevelopmentStorageProxyUri is not supported");
            }

            return DevelopmentStorage;
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw Malformed(settingName, "SharedAccessSignature connections are not supported; use an account key or an identity-based connection");
        }

        if (!parts.TryGetValue("AccountName", out var accountName) || string.IsNullOrEmpty(accountName))
        {
            throw Malformed(settingName, "AccountName is missing");
        }

        if (!parts.TryGetValue("AccountKey", out var accountKey) || string.IsNullOrEmpty(accountKey))
        {
            throw Malformed(settingName, "AccountKey is missing");
        }

        if (!Convert.TryFromBase64String(accountKey, new byte[accountKey.Length], out _))
        {
            throw Malformed(settingName, "AccountKey is not valid Base64");
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw Malformed(settingName, "DefaultEndpointsProtocol must be 'http' or 'https'");
        }

        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string service, string explicitKey) =>
            parts.TryGetValue(explicitKey, out var explicitValue) && !string.IsNullOrEmpty(explicitValue)
                ? ParseEndpoint(explicitValue, $"{settingName} ({explicitKey})")
                : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        return new StorageAccount(
            Endpoint("table", "TableEndpoint"), Endpoint("queue", "QueueEndpoint"), Endpoint("blob", "BlobEndpoint"), (accountName, accountKey), null);
    }

    /// <summary>The Table service client of this account.</summary>
    /// <param name="configure">Adjusts the options, e.g. retries or a request-counting policy in tests.</param>
    public TableServiceClient CreateTableServiceClient(Action<ClientOptions>? configure = null)
    {
        var options = NewTableClientOptions();
        configure?.Invoke(options);
        return _sharedKey is { } key
            ? new TableServiceClient(TableEndpoint, new TableSharedKeyCredential(key.Name, key.Key), options)
            : new TableServiceClient(TableEndpoint, TokenCredential, options);
    }

    /// <summary>The Blob service client of this account, on <see cref="BlobServiceVersion"/>.</summary>
    /// <inheritdoc cref="CreateTableServiceClient" path="/param"/>
    public BlobServiceClient CreateBlobServiceClient(Action<ClientOptions>? configure = null)
    {
        var options = NewBlobClientOptions();
        configure?.Invoke(options);
        return _sharedKey is { } key
            ? new BlobServiceClient(BlobEndpoint, new StorageSharedKeyCredential(key.Name, key.Key), options)
            : new BlobServiceClient(BlobEndpoint, TokenCredential, options);
    }

    /// <summary>The Queue service client of this account, on <see cref="QueueServiceVersion"/>; message text is sent as-is (no Base64).</summary>
    /// <inheritdoc cref="CreateTableServiceClient" path="/param"/>
    public QueueServiceClient CreateQueueServiceClient(Action<ClientOptions>? configure = null)
    {
        var options = NewQueueClientOptions();
        configure?.Invoke(options);
        return _sharedKey is { } key
            ? new QueueServiceClient(QueueEndpoint, new StorageSharedKeyCredential(key.Name, key.Key), options)
            : new QueueServiceClient(QueueEndpoint, TokenCredential, options);
    }

    /// <summary>The options every Table client of Kim starts from: the SDK's defaults.</summary>
    public static TableClientOptions NewTableClientOptions() => new();

    /// <summary>The options every Blob client of Kim starts from: pinned to <see cref="BlobServiceVersion"/>.</summary>
    public static BlobClientOptions NewBlobClientOptions() => new(BlobServiceVersion);

    /// <summary>The options every Queue client of Kim starts from: pinned to <see cref="QueueServiceVersion"/>, message text as-is (no Base64).</summary>
    public static QueueClientOptions NewQueueClientOptions() => new(QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None };

    /// <summary>
    /// A key-based account as a connection string with explicit endpoints, for a library that takes
    /// either a connection string or a <see cref="TokenCredential"/> but no shared key credential
    /// (DurableTask.AzureStorage's <c>StorageServiceClientProvider</c>); null for an identity-based
    /// account, whose <see cref="TokenCredential"/> such a library takes instead. It holds the
    /// account key: never log it.
    /// </summary>
    public string? SharedKeyConnectionString() => _sharedKey is { } key
        ? $"DefaultEndpointsProtocol={BlobEndpoint.Scheme};AccountName={key.Name};AccountKey={key.Key};" +
          $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}"
        : null;

    private static Uri ParseEndpoint(string value, string what) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"The storage endpoint in '{what}' is not an absolute http(s) URL.");

    private static bool IsValidAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    private static FormatException Malformed(string settingName, string reason) =>
        new($"The setting '{settingName}' is not a valid storage connection string: {reason}.");
}
