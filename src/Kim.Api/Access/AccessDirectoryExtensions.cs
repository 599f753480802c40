namespace Kim.Api.Access;

/// <summary>Lookups that combine several reads of <see cref="IAccessDirectory"/> under one rule.</summary>
public static class AccessDirectoryExtensions
{
    /// <summary>
    /// The partner for whom <paramref name="apiKey"/> is valid now: its stored form (found by the
    /// key's id) matches the salted hash, the partner is active and lists the key among its valid
    /// keys. Null otherwise, whatever the reason, so that callers cannot tell a prober why.
    /// </summary>
    public static async ValueTask<Partner?> FindPartnerByApiKeyAsync(this IAccessDirectory directory, string apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var stored = ApiKeys.IdOf(apiKey) is { } keyId ? await directory.FindPartnerKeyAsync(keyId, cancellationToken) : null;
        if (stored is null || !ApiKeys.Matches(apiKey, stored))
        {
            return null;
        }

        var partner = await directory.FindPartnerAsync(stored.PartnerId, cancellationToken);
        return partner is { Active: true } && partner.KeyIds.Contains(stored.KeyId, StringComparer.Ordinal) ? partner : null;
    }
}
