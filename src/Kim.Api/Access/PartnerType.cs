namespace Kim.Api.Access;

/// <summary>The kind of organisation a partner is (API.md, "Administration"), for reporting referrals by partner type; JSON names are kebab-case.</summary>
public enum PartnerType
{
    JobCentre,
    ImmigrationOffice,
    WelfareOrganisation,
    School,
    Counselling,
    Other,
}
