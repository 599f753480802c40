namespace Kim.Functions.Access;

/// <summary>The kind of organisation a partner is, for reporting referrals by partner type.</summary>
public enum PartnerType
{
    JobCentre,
    EmploymentAgency,
    ImmigrationOffice,
    SocialWelfareOffice,
    Welfare,
    Counselling,
    School,
    LanguageCourse,
    Other,
}
