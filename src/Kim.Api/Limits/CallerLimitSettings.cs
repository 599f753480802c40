namespace Kim.Api.Limits;

/// <summary>One caller kind's (or one partner's) limits; null where the setting is not given.</summary>
public sealed class CallerLimitSettings
{
    /// <summary>Requests per minute, per caller.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Intakes per Europe/Berlin day; partners only.</summary>
    public int? IntakesPerDay { get; set; }
}
