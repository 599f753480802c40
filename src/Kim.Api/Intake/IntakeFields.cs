namespace Kim.Api.Intake;

/// <summary>
/// The wire names of the intake fields, dotted as forms send them, with their kind. Form posts
/// need the kinds (a list field repeats, a boolean arrives as text); JSON errors use them to say
/// what a field should hold.
/// </summary>
public static class IntakeFields
{
    /// <summary>The multipart part name of uploaded files.</summary>
    public const string Documents = "documents";

    public const string PartnerReference = "partnerReference";
    public const string Municipality = "municipality";
    public const string Client = "client";
    public const string GivenName = "client.givenName";
    public const string FamilyName = "client.familyName";
    public const string DateOfBirth = "client.dateOfBirth";
    public const string Languages = "client.languages";
    public const string Phone = "client.phone";
    public const string Email = "client.email";
    public const string ResidenceStatus = "client.residenceStatus";
    public const string LegalDomains = "client.legalDomains";
    public const string ResidenceDocumentExpires = "client.residenceDocumentExpires";
    public const string BenefitPeriodEnds = "client.benefitPeriodEnds";
    public const string Needs = "needs";
    public const string LifeDomains = "needs.lifeDomains";
    public const string NeedsText = "needs.text";
    public const string Urgency = "urgency";
    public const string PartnerContact = "partnerContact";
    public const string PartnerContactName = "partnerContact.name";
    public const string PartnerContactEmail = "partnerContact.email";
    public const string PartnerContactPhone = "partnerContact.phone";
    public const string ConsentToIntake = "consentToIntake";
    public const string ConsentToCaseProcessing = "consentToCaseProcessing";

    public static IReadOnlyDictionary<string, IntakeFieldKind> Kinds { get; } =
        new Dictionary<string, IntakeFieldKind>(StringComparer.Ordinal)
        {
            [PartnerReference] = IntakeFieldKind.Text,
            [Municipality] = IntakeFieldKind.Text,
            [Client] = IntakeFieldKind.Object,
            [GivenName] = IntakeFieldKind.Text,
            [FamilyName] = IntakeFieldKind.Text,
            [DateOfBirth] = IntakeFieldKind.Date,
            [Languages] = IntakeFieldKind.List,
            [Phone] = IntakeFieldKind.Text,
            [Email] = IntakeFieldKind.Text,
            [ResidenceStatus] = IntakeFieldKind.Text,
            [LegalDomains] = IntakeFieldKind.List,
            [ResidenceDocumentExpires] = IntakeFieldKind.Date,
            [BenefitPeriodEnds] = IntakeFieldKind.Date,
            [Needs] = IntakeFieldKind.Object,
            [LifeDomains] = IntakeFieldKind.List,
            [NeedsText] = IntakeFieldKind.Text,
            [Urgency] = IntakeFieldKind.Text,
            [PartnerContact] = IntakeFieldKind.Object,
            [PartnerContactName] = IntakeFieldKind.Text,
            [PartnerContactEmail] = IntakeFieldKind.Text,
            [PartnerContactPhone] = IntakeFieldKind.Text,
            [ConsentToIntake] = IntakeFieldKind.Boolean,
            [ConsentToCaseProcessing] = IntakeFieldKind.Boolean,
        };

    /// <summary>What a value of the kind must look like, for a type error.</summary>
    public static string Expectation(IntakeFieldKind kind) => kind switch
    {
        IntakeFieldKind.Date => "must be a date as yyyy-MM-dd",
        IntakeFieldKind.Boolean => "must be true or false",
        IntakeFieldKind.List => "must be a list of texts",
        IntakeFieldKind.Object => "must be an object",
        _ => "must be a text",
    };
}
