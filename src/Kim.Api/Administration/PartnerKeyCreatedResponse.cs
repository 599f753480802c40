namespace Kim.Api.Administration;

/// <summary>201 of <c>POST /api/admin/partners/{partnerId}/keys</c>: the key, shown this once and never again.</summary>
public sealed record PartnerKeyCreatedResponse(string KeyId, string Key);
