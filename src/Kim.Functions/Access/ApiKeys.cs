using System.Security.Cryptography;
using System.Text;

namespace Kim.Functions.Access;

/// <summary>
/// How partner API keys are stored and compared. Keys are long random strings, so one round of
/// SHA-256 is enough (a slow password hash protects low-entropy secrets, which these are not).
/// </summary>
public static class ApiKeys
{
    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
    }

    /// <summary>
    /// Whether <paramref name="apiKey"/> hashes to <paramref name="storedHash"/>, in time that does
    /// not depend on where they differ, whatever lookup brought the stored hash here.
    /// </summary>
    public static bool Matches(string apiKey, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(apiKey));
        var expected = Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
