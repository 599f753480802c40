using System.Security.Cryptography;

namespace Kim.Api.Cases;

/// <summary>Case ids: <c>c-</c> and 10 random base32 characters (50 bits), no ':' (a case is a root instance).</summary>
public static class CaseIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New() => "c-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 10));

    /// <summary>A child id as the API takes it: the full instance id (<c>c-…:r-1</c>) or the short one within the case (<c>r-1</c>).</summary>
    public static string Child(string caseId, string id) =>
        id.Contains(':', StringComparison.Ordinal) ? id : caseId + ":" + id;
}
