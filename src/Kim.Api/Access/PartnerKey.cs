namespace Kim.Api.Access;

/// <summary>
/// A partner's API key as stored: its public id (the key's first <see cref="ApiKeys.KeyIdLength"/>
/// characters), a random salt and the salted hash of the whole key. The key itself is never stored.
/// </summary>
/// <param name="Salt">16 random bytes, lowercase hex.</param>
/// <param name="Hash">SHA-256 of the salt's bytes followed by the key's UTF-8 bytes, lowercase hex.</param>
/// <param name="CreatedAt">When the key was created (UTC).</param>
public sealed record PartnerKey(string KeyId, string PartnerId, string Salt, string Hash, DateTimeOffset CreatedAt);
