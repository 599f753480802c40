namespace Kim.Api.Access;

/// <summary>
/// The directory record of the authenticated caller, set on the request by the authentication
/// handlers, so that endpoints need not look it up again.
/// </summary>
internal sealed class CallerFeature
{
    public StaffMember? Staff { get; init; }

    public Partner? Partner { get; init; }
}
