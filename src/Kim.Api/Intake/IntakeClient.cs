namespace Kim.Api.Intake;

/// <summary>The client of an intake; names as in the API (<c>client.givenName</c> …).</summary>
public sealed record IntakeClient
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>BCP 47 language codes, the client's preferred first.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>One of <see cref="IntakeVocabulary.ResidenceStatuses"/>.</summary>
    public string? ResidenceStatus { get; init; }

    /// <summary>Any of <see cref="IntakeVocabulary.LegalDomains"/> (<c>AsylbLG</c>, <c>SGB II</c> …).</summary>
    public IReadOnlyList<string>? LegalDomains { get; init; }

    public DateOnly? ResidenceDocumentExpires { get; init; }

    public DateOnly? BenefitPeriodEnds { get; init; }
}
