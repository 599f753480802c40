using Kim.Api.Access;

namespace Kim.Api.Administration;

/// <summary>A staff member as the administration routes show it.</summary>
public sealed record StaffResponse(
    string StaffId,
    string Name,
    string Email,
    string Role,
    string? Municipality,
    string? ObjectId,
    bool Active)
{
    public static StaffResponse Of(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return new(staff.Id, staff.DisplayName, staff.Email, StaffRoleNames.Of(staff.Role), staff.Municipality, staff.ObjectId, staff.Active);
    }
}
