using System.Security.Cryptography;
using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Intake;

/// <summary>
/// What an intake is, as one hash: SHA-256 over the canonical JSON of the normalised model and,
/// per file, its name, detected type and the SHA-256 of its bytes. Never the raw body: a browser
/// picks a new multipart boundary for every post, and JSON and form posts of the same intake
/// must compare equal. Files count as a set: their order does not matter.
/// </summary>
public static class IntakeFingerprint
{
    public static string Compute(IntakeRequest normalised, IReadOnlyList<IntakeFile> documents)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        ArgumentNullException.ThrowIfNull(documents);
        return Compute(normalised, [.. documents.Select(d => new IntakeDocumentPrint(d.FileName, d.Type, d.Sha256))]);
    }

    /// <summary>The same, for files already described (e.g. stored); the order of <paramref name="documents"/> is irrelevant.</summary>
    public static string Compute(IntakeRequest normalised, IReadOnlyList<IntakeDocumentPrint> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var canonical = new Canonical(normalised, [.. documents
            .OrderBy(d => d.Sha256, StringComparer.Ordinal)
            .ThenBy(d => d.FileName, StringComparer.Ordinal)]);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, KimJson.Options)));
    }

    private sealed record Canonical(IntakeRequest Intake, IReadOnlyList<IntakeDocumentPrint> Documents);
}
