namespace Kim.Core.Cases;

/// <summary>
/// A coarse category of residence status, enough for reporting and for choosing a handover; the
/// exact title (paragraph of the AufenthG) belongs in the case documents, not here.
/// </summary>
public enum ResidenceStatusCategory
{
    AsylumSeeker,
    RecognisedRefugee,
    SubsidiaryProtection,
    TemporaryProtection,
    Tolerated,
    ResidencePermit,
    EuCitizen,
    Other,
}
