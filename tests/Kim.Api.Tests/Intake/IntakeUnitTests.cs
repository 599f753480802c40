using System.Text;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Intake;
using Kim.Core.Input;

namespace Kim.Api.Tests.Intake;

/// <summary>The pure pieces of intake: normalising, validating, fingerprinting (file types: Kim.Core.Tests).</summary>
public sealed class IntakeUnitTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly string[] Municipalities = ["iserlohn", "luedenscheid", "menden"];

    [Fact]
    public void Normalising_trims_canonicalises_and_sorts_sets_but_keeps_language_order()
    {
        var intake = IntakeNormaliser.Normalise(new IntakeRequest
        {
            PartnerReference = "  R-1 ",
            Municipality = "Luedenscheid",
            Client = new IntakeClient
            {
                GivenName = " Amina",
                Languages = ["de", " ar", "DE", ""],
                LegalDomains = ["sgb ii", "AsylbLG", "SGBII"],
                Phone = "  ",
            },
            Needs = new IntakeNeeds { LifeDomains = ["work-and-recognition", "Language"], Text = "" },
        });

        Assert.Equal("R-1", intake.PartnerReference);
        Assert.Equal("luedenscheid", intake.Municipality);
        Assert.Equal("Amina", intake.Client!.GivenName);
        Assert.Equal(["de", "ar"], intake.Client.Languages);
        Assert.Equal(["AsylbLG", "SGB II"], intake.Client.LegalDomains);
        Assert.Null(intake.Client.Phone);
        Assert.Equal(["language", "work"], intake.Needs!.LifeDomains);
        Assert.Null(intake.Needs.Text);
        Assert.Equal("normal", intake.Urgency);
        Assert.False(intake.ConsentToCaseProcessing);
    }

    [Fact]
    public void An_explicit_no_to_the_intake_is_refused()
    {
        var errors = Validate(Valid() with { ConsentToIntake = false }, documents: 0, out _);

        Assert.Equal(["consentToIntake"], errors.Fields);
    }

    [Fact]
    public void Without_consent_every_field_beyond_identity_is_listed()
    {
        var intake = Valid() with
        {
            ConsentToCaseProcessing = false,
            Client = Valid().Client! with { ResidenceStatus = "tolerated", LegalDomains = ["AsylbLG"], BenefitPeriodEnds = Today },
            Needs = new IntakeNeeds { LifeDomains = ["housing"], Text = "x" },
        };

        var errors = Validate(intake, documents: 1, out var consentFailed);

        Assert.True(consentFailed);
        Assert.Equal(
            ["client.benefitPeriodEnds", "client.legalDomains", "client.residenceStatus", "documents", "needs.lifeDomains", "needs.text"],
            errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lengths_and_list_sizes_are_limited()
    {
        var intake = Valid() with
        {
            PartnerReference = new string('r', 101),
            Client = Valid().Client! with { GivenName = new string('n', 101), Languages = [.. Enumerable.Range(0, 21).Select(i => "a" + (char)('a' + i))] },
        };

        var errors = Validate(intake, documents: 0, out _);

        Assert.Equal(["client.givenName", "client.languages", "partnerReference"], errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_intake_has_no_errors()
    {
        Assert.True(Validate(Valid(), documents: 2, out _).IsEmpty);
    }

    [Fact]
    public void The_fingerprint_ignores_file_order_but_not_file_content_or_fields()
    {
        var intake = IntakeNormaliser.Normalise(Valid());
        IntakeDocumentPrint a = new("a.pdf", DetectedFileType.Pdf, new string('1', 64));
        IntakeDocumentPrint b = new("b.png", DetectedFileType.Png, new string('2', 64));

        var print = IntakeFingerprint.Compute(intake, [a, b]);

        Assert.Equal(print, IntakeFingerprint.Compute(intake, [b, a]));
        Assert.NotEqual(print, IntakeFingerprint.Compute(intake, [a, b with { Sha256 = new string('3', 64) }]));
        Assert.NotEqual(print, IntakeFingerprint.Compute(intake with { Urgency = "urgent" }, [a, b]));
        Assert.Matches("^[0-9a-f]{64}$", print);
    }

    [Fact]
    public void A_client_principal_yields_its_object_id()
    {
        var json = """{"auth_typ":"aad","claims":[{"typ":"name","val":"X"},{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"oid-1"}],"name_typ":"name","role_typ":"roles"}""";

        var principal = ClientPrincipal.TryDecode(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), out var error);

        Assert.Null(error);
        Assert.Equal("oid-1", principal?.ObjectId);
        Assert.Null(ClientPrincipal.TryDecode("e30=", out _)?.ObjectId);
        Assert.Null(ClientPrincipal.TryDecode("!!", out error));
        Assert.NotNull(error);
    }

    [Fact]
    public void The_model_reads_the_intake_JSON_of_API_md()
    {
        const string json = """
            { "partnerReference": "JC-2026-00042", "municipality": "luedenscheid",
              "client": { "givenName": "A", "familyName": "B", "dateOfBirth": "1990-04-12",
                          "languages": ["ar", "de"], "phone": "0176 1", "email": "a@example.org",
                          "residenceStatus": "recognised-refugee", "legalDomains": ["AsylbLG"],
                          "residenceDocumentExpires": "2027-03-31", "benefitPeriodEnds": "2026-12-31" },
              "needs": { "lifeDomains": ["language", "work"], "text": "…" },
              "urgency": "normal",
              "partnerContact": { "name": "C", "email": "c@example.org", "phone": "02351 1" },
              "consentToCaseProcessing": true }
            """;

        var intake = IntakeNormaliser.Normalise(JsonSerializer.Deserialize<IntakeRequest>(json, Kim.Core.KimJson.Options)!);

        Assert.True(Validate(intake, documents: 0, out _).IsEmpty);
        Assert.Equal(new DateOnly(2027, 3, 31), intake.Client!.ResidenceDocumentExpires);
        Assert.Equal("c@example.org", intake.PartnerContact!.Email);
    }

    private static IntakeErrors Validate(IntakeRequest intake, int documents, out bool consentFailed) =>
        IntakeValidator.Validate(IntakeNormaliser.Normalise(intake), Municipalities, Today, documents, out consentFailed);

    private static IntakeRequest Valid() => new()
    {
        PartnerReference = "R-1",
        Municipality = "menden",
        Client = new IntakeClient { GivenName = "Amina", FamilyName = "Haddad", DateOfBirth = new DateOnly(1990, 4, 12), Languages = ["ar"] },
        ConsentToCaseProcessing = true,
        Needs = new IntakeNeeds { Text = "Sprachkurs" },
        PartnerContact = new IntakePartnerContact { Email = "x@example.org" },
    };
}
