using System.Text.Json;
using Kim.Api.Access;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Workflows.Payloads;

namespace Kim.Api.Intake;

/// <summary>
/// A valid, normalised intake as the start input of its case. Pure: the closed lists were checked
/// by <see cref="IntakeValidator"/> and their canonical spellings are the domain's JSON names.
/// </summary>
public static class IntakeCaseInput
{
    public static CaseStartInput From(IntakeRequest intake, Partner partner)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(partner);
        var client = intake.Client ?? throw new ArgumentException("an intake without client is not valid", nameof(intake));
        return new CaseStartInput
        {
            Municipality = intake.Municipality ?? throw new ArgumentException("an intake without municipality is not valid", nameof(intake)),
            District = partner.District,
            Client = new Client
            {
                GivenName = client.GivenName,
                FamilyName = client.FamilyName,
                DateOfBirth = client.DateOfBirth,
                Languages = client.Languages ?? [],
                Phone = client.Phone,
                Email = client.Email,
                ResidenceStatus = client.ResidenceStatus is { } status ? Named<ResidenceStatusCategory>(status) : null,
                LegalDomains = [.. (client.LegalDomains ?? []).Select(Named<LegalDomain>)],
                ResidenceDocumentExpires = client.ResidenceDocumentExpires,
                BenefitPeriodEnds = client.BenefitPeriodEnds,
            },
            Needs = intake.Needs is { } needs
                ? new Needs { LifeDomains = [.. (needs.LifeDomains ?? []).Select(Named<LifeDomain>)], Text = needs.Text }
                : null,
            Urgency = Named<Urgency>(intake.Urgency ?? IntakeVocabulary.NormalUrgency),
            SourcePartnerId = partner.Id,
            PartnerReference = intake.PartnerReference,
            PartnerContact = intake.PartnerContact is { } contact ? new PartnerContact(contact.Name, contact.Email, contact.Phone) : null,
            ConsentToCaseProcessing = intake.ConsentToCaseProcessing == true,
        };
    }

    /// <summary>The enum value whose JSON name is <paramref name="name"/> (kebab-case, or e.g. <c>SGB II</c>).</summary>
    private static TEnum Named<TEnum>(string name)
        where TEnum : struct, Enum =>
        KimJson.FromElement<TEnum>(JsonSerializer.SerializeToElement(name));
}
