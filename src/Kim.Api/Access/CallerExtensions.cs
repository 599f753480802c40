using System.Security.Claims;

namespace Kim.Api.Access;

/// <summary>The authenticated caller of a request.</summary>
public static class CallerExtensions
{
    /// <summary>The staff member calling; throws when the route is not behind a staff policy.</summary>
    public static StaffMember GetStaffMember(this HttpContext context) =>
        context.FindStaffMember()
        ?? throw new InvalidOperationException("No staff member on this request: is the route behind a staff policy?");

    /// <summary>The partner calling; throws when the route is not behind the partner policy.</summary>
    public static Partner GetPartner(this HttpContext context) =>
        context.FindPartner()
        ?? throw new InvalidOperationException("No partner on this request: is the route behind the partner policy?");

    public static StaffMember? FindStaffMember(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CallerFeature>()?.Staff;
    }

    public static Partner? FindPartner(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CallerFeature>()?.Partner;
    }

    internal static ClaimsPrincipal ToPrincipal(this StaffMember staff, string scheme)
    {
        var claims = new List<Claim>
        {
            new(KimClaims.CallerKind, KimClaims.StaffKind),
            new(KimClaims.StaffId, staff.Id),
            new(ClaimTypes.Name, staff.DisplayName),
            new(KimClaims.Role, StaffRoleNames.Of(staff.Role)),
            new(KimClaims.District, staff.District),
        };
        if (staff.Municipality is not null)
        {
            claims.Add(new Claim(KimClaims.Municipality, staff.Municipality));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, KimClaims.Role));
    }

    internal static ClaimsPrincipal ToPrincipal(this Partner partner, string scheme)
    {
        var claims = new List<Claim>
        {
            new(KimClaims.CallerKind, KimClaims.PartnerKind),
            new(KimClaims.PartnerId, partner.Id),
            new(ClaimTypes.Name, partner.Name),
            new(KimClaims.District, partner.District),
        };
        if (partner.Municipality is not null)
        {
            claims.Add(new Claim(KimClaims.Municipality, partner.Municipality));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, KimClaims.Role));
    }
}
