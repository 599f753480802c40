using System.Security.Cryptography;
using System.Text;

namespace Kim.Api.Access;

/// <summary>
/// How partner API keys are made, stored and compared. A key's first <see cref="KeyIdLength"/>
/// characters are its public id, by which its stored form is found with one point read; the whole
/// key is stored only as SHA-256 over a random per-key salt and the key. The salt means that equal
/// keys never hash alike and no table precomputed for a guessed key (the demo keys are public
/// words) fits any stored hash. Keys Kim issues carry 256 random bits, so one round of SHA-256 is
/// enough (a slow password hash protects low-entropy secrets, which these are not) and keeps the
/// per-request check cheap.
/// </summary>
public static class ApiKeys
{
    /// <summary>How many characters at the start of a key are its id.</summary>
    public const int KeyIdLength = 12;

    /// <summary>Valid keys a partner may hold at once: the old and the new one during a rotation.</summary>
    public const int MaxValidKeys = 2;

    private const string IssuedPrefix = "kim_";
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>
    /// A new key: <c>kim_</c>, 8 random characters (the rest of its id) and 32 random bytes in
    /// Base64url, 55 characters in all.
    /// </summary>
    public static string New()
    {
        var id = RandomNumberGenerator.GetString(IdAlphabet, KeyIdLength - IssuedPrefix.Length);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return IssuedPrefix + id + secret;
    }

    /// <summary>The id of a key, or null when the text is too short to be one.</summary>
    public static string? IdOf(string? apiKey) =>
        apiKey is { Length: > KeyIdLength } ? apiKey[..KeyIdLength] : null;

    /// <summary>The stored form of <paramref name="apiKey"/> with a fresh salt.</summary>
    /// <exception cref="ArgumentException">The key is too short to carry an id.</exception>
    public static PartnerKey Protect(string apiKey, string partnerId, DateTimeOffset createdAt)
    {
        var keyId = IdOf(apiKey) ?? throw new ArgumentException($"A key is longer than {KeyIdLength} characters.", nameof(apiKey));
        var salt = RandomNumberGenerator.GetBytes(16);
        return new PartnerKey(keyId, partnerId, Convert.ToHexStringLower(salt), Convert.ToHexStringLower(Hash(salt, apiKey)), createdAt);
    }

    /// <summary>
    /// Whether <paramref name="apiKey"/> is the key <paramref name="stored"/> was made from, in time
    /// that does not depend on where the hashes differ.
    /// </summary>
    public static bool Matches(string apiKey, PartnerKey stored)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ArgumentNullException.ThrowIfNull(stored);
        byte[] salt, expected;
        try
        {
            salt = Convert.FromHexString(stored.Salt);
            expected = Convert.FromHexString(stored.Hash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(salt, apiKey), expected);
    }

    private static byte[] Hash(byte[] salt, string apiKey)
    {
        var key = Encoding.UTF8.GetBytes(apiKey);
        var input = new byte[salt.Length + key.Length];
        salt.CopyTo(input, 0);
        key.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
