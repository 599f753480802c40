namespace Kim.Api.Access;

/// <summary>A person who works with Kim, as held in Kim's staff records.</summary>
/// <param name="Id">Kim's id of the person (<c>cm-luedenscheid</c>); the development sign-in uses it.</param>
/// <param name="Municipality">The municipality whose cases the person works (case managers); null for district-wide roles.</param>
/// <param name="ObjectId">The Entra ID (or other OpenID Connect) object id that signs the person in, if linked.</param>
/// <param name="Active">False once an administrator deactivated the account: every request of it is 401 from then on.</param>
public sealed record StaffMember(
    string Id,
    string DisplayName,
    string Email,
    StaffRole Role,
    string District,
    string? Municipality,
    string? ObjectId = null,
    bool Active = true);
