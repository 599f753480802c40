namespace Kim.Api.Limits;

/// <summary>
/// Settings under <c>Kim:Limits</c> (API.md, Settings): how many requests a caller may send per
/// minute, and how many intakes a partner may send per Europe/Berlin day. The one place that
/// says a caller's limits; an unset value takes the default.
/// </summary>
/// <remarks>
/// <c>Kim__Limits__Partner__RequestsPerMinute</c> and <c>__IntakesPerDay</c> apply to every
/// partner; <c>Kim__Limits__Partners__{partnerId}__…</c> overrides them for one partner.
/// <c>Kim__Limits__Staff__RequestsPerMinute</c> applies to each member of staff and
/// <c>Kim__Limits__Anonymous__RequestsPerMinute</c> to each remote address of callers without a
/// valid identity (health, OpenAPI, failed sign-ins).
/// </remarks>
public sealed class KimLimitsOptions
{
    public const string Section = "Kim:Limits";

    public const int DefaultPartnerRequestsPerMinute = 120;
    public const int DefaultIntakesPerDay = 500;

    /// <summary>A person in a web page sends a burst per page; ten a second is far above that and stops a runaway script.</summary>
    public const int DefaultStaffRequestsPerMinute = 600;

    /// <summary>Generous, because behind a proxy every anonymous caller may share one address.</summary>
    public const int DefaultAnonymousRequestsPerMinute = 300;

    public CallerLimitSettings Partner { get; set; } = new();

    /// <summary>Overrides per partner id.</summary>
    public Dictionary<string, CallerLimitSettings> Partners { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public CallerLimitSettings Staff { get; set; } = new();

    public CallerLimitSettings Anonymous { get; set; } = new();

    public int PartnerRequestsPerMinute(string partnerId) =>
        Override(partnerId)?.RequestsPerMinute ?? Partner.RequestsPerMinute ?? DefaultPartnerRequestsPerMinute;

    /// <summary>The partner's daily intake quota, in intakes per Europe/Berlin day.</summary>
    public int IntakesPerDay(string partnerId) =>
        Override(partnerId)?.IntakesPerDay ?? Partner.IntakesPerDay ?? DefaultIntakesPerDay;

    public int StaffRequestsPerMinute => Staff.RequestsPerMinute ?? DefaultStaffRequestsPerMinute;

    public int AnonymousRequestsPerMinute => Anonymous.RequestsPerMinute ?? DefaultAnonymousRequestsPerMinute;

    /// <summary>Every value that is set is positive (a limit of 0 would lock a caller out; that is deactivation's job).</summary>
    public bool IsValid() =>
        new[] { Partner, Staff, Anonymous }.Concat(Partners.Values)
            .All(s => s.RequestsPerMinute is null or > 0 && s.IntakesPerDay is null or > 0);

    private CallerLimitSettings? Override(string partnerId) => Partners.GetValueOrDefault(partnerId);
}
