namespace Kim.Api.Intake;

/// <summary>
/// An intake as a partner sends it (API.md, "Intake"): the same model whether it came as JSON or
/// as a form. Everything is optional here so that a missing field becomes a validation message
/// rather than a parse error; <see cref="IntakeValidator"/> says what is required.
/// </summary>
public sealed record IntakeRequest
{
    /// <summary>The partner's own reference; also the idempotency key when no <c>Idempotency-Key</c> header is sent.</summary>
    public string? PartnerReference { get; init; }

    /// <summary>The municipality (id, e.g. <c>luedenscheid</c>) whose case management should take the client on.</summary>
    public string? Municipality { get; init; }

    public IntakeClient? Client { get; init; }

    public IntakeNeeds? Needs { get; init; }

    /// <summary><c>normal</c> (the default) or <c>urgent</c>.</summary>
    public string? Urgency { get; init; }

    /// <summary>Who at the partner Kim can ask about the intake.</summary>
    public IntakePartnerContact? PartnerContact { get; init; }

    /// <summary>
    /// Whether the client agreed to being referred to KIM. Optional: sending the intake says so;
    /// an explicit <c>false</c> is refused, since then the partner may not pass the data on.
    /// </summary>
    public bool? ConsentToIntake { get; init; }

    /// <summary>
    /// Whether the client consented to case processing by KIM. Without it only identity data and
    /// the partner's contact may be sent (DOMAIN.md, Clearing); absent means no.
    /// </summary>
    public bool? ConsentToCaseProcessing { get; init; }
}
