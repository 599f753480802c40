namespace Kim.Functions.Access;

/// <summary>A person who works with Kim, as held in Kim's staff records.</summary>
/// <param name="Id">Kim's id of the person (<c>cm-luedenscheid</c>); the development sign-in uses it.</param>
/// <param name="Municipality">The municipality whose cases the person works; null for district-wide roles.</param>
/// <param name="ObjectId">The Entra ID object id that App Service Authentication hands us, if linked.</param>
public sealed record StaffMember(
    string Id,
    string DisplayName,
    string Email,
    StaffRole Role,
    string District,
    string? Municipality,
    string? ObjectId = null);
