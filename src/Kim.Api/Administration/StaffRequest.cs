namespace Kim.Api.Administration;

/// <summary>
/// <c>POST /api/admin/staff</c>, and what a <c>PATCH /api/admin/staff/{staffId}</c> merge patch is applied to.
/// </summary>
/// <param name="Id">Kim's id of the person (lowercase letters, digits, hyphens; at most 64); generated when absent.</param>
/// <param name="Role"><c>case-manager</c>, <c>coordinator</c>, <c>administrator</c> or <c>data-protection-officer</c>.</param>
/// <param name="Municipality">Required for case managers (a municipality of the district); the other roles are district-wide and have none.</param>
/// <param name="ObjectId">The object id of the person's sign-in (Entra ID or another OpenID Connect issuer); unique.</param>
/// <param name="Active">False deactivates the account: its next request is 401.</param>
public sealed record StaffRequest(
    string? Id,
    string? Name,
    string? Email,
    string? Role,
    string? Municipality,
    string? ObjectId,
    bool? Active);
