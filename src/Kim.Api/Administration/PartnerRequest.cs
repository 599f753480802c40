using Kim.Api.Access;

namespace Kim.Api.Administration;

/// <summary>
/// <c>POST /api/admin/partners</c>, and what a <c>PATCH /api/admin/partners/{partnerId}</c> merge patch is applied to.
/// Keys are not part of it: they have routes of their own.
/// </summary>
/// <param name="Id">The partner's id (lowercase letters, digits, hyphens; at most 64); generated when absent.</param>
/// <param name="Type">API.md: <c>job-centre</c>, <c>immigration-office</c>, <c>welfare-organisation</c>, <c>school</c>, <c>counselling</c>, <c>other</c>.</param>
/// <param name="Municipality">The municipality the partner works in; absent when it serves the whole district.</param>
/// <param name="Active">False deactivates the partner: none of its keys works any more.</param>
public sealed record PartnerRequest(
    string? Id,
    string? Name,
    string? Type,
    string? Email,
    string? Municipality,
    bool? Active);
