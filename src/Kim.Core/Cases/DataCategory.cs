namespace Kim.Core.Cases;

/// <summary>
/// The categories of client data a consent releases; a partner sees of a referral exactly the
/// categories its consent names.
/// </summary>
public enum DataCategory
{
    /// <summary>Names and date of birth.</summary>
    Identity,

    /// <summary>Phone, email and languages.</summary>
    Contact,

    /// <summary>Residence status and residence document expiry.</summary>
    Residence,

    /// <summary>Legal domains and benefit period.</summary>
    Benefits,

    /// <summary>Life domains and the needs text.</summary>
    Needs,

    /// <summary>Health data: a special category (Art. 9 GDPR), never implied by another one.</summary>
    Health,

    /// <summary>The case's documents.</summary>
    Documents,
}
