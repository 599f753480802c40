using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// Where Kim's storage lives and how to authenticate: read from the <c>AzureWebJobsStorage</c>
/// setting exactly as Azure Functions reads it. Either a connection string (development storage,
/// account key, or explicit endpoints) or an identity-based connection (<c>__accountName</c> or
/// <c>__tableServiceUri</c>/<c>__queueServiceUri</c>/<c>__blobServiceUri</c>) with a <see cref="TokenCredential"/>.
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

    private StorageAccount(Uri table, Uri queue, Uri blob, StorageSharedKeyCredential? sharedKey, TokenCredential? token)
    {
        TableEndpoint = table;
        QueueEndpoint = queue;
        BlobEndpoint = blob;
        SharedKey = sharedKey;
        TokenCredential = token;
    }

    public Uri TableEndpoint { get; }
    public Uri QueueEndpoint { get; }
    public Uri BlobEndpoint { get; }

    /// <summary>Set for key-based connections.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>Set for identity-based connections (Microsoft Entra ID).</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary><c>UseDevelopmentStorage=true</c>: Azurite on its default ports, path-style URLs.</summary>
    public static StorageAccount DevelopmentStorage { get; } = new(
        new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
        new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
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
    /// <param name="credentialFactory">Called only for an identity-based connection.</param>
    public static StorageAccount FromSettings(
        Func<string, string?> settings, Func<TokenCredential> credentialFactory, string name = DefaultSettingName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentialFactory);

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

        StorageSharedKeyCredential key;
        try
        {
            key = new StorageSharedKeyCredential(accountName, accountKey);
        }
        catch (FormatException)
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
            Endpoint("table", "TableEndpoint"), Endpoint("queue", "QueueEndpoint"), Endpoint("blob", "BlobEndpoint"), key, null);
    }

    private static Uri ParseEndpoint(string value, string what) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"The storage endpoint in '{what}' is not an absolute http(s) URL.");

    private static bool IsValidAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    private static FormatException Malformed(string settingName, string reason) =>
        new($"The setting '{settingName}' is not a valid storage connection string: {reason}.");
}
