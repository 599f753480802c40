using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Api.Partners;

/// <summary>
/// The one place that says what of a case a referral's partner sees besides the referral's own
/// fields (DOMAIN.md: a partner sees of a referral exactly what its consent covers). Pure.
/// </summary>
/// <remarks>
/// <para>
/// identity → given and family name, date of birth, languages; contact → phone, e-mail;
/// residence → residence status, residence document expiry; benefits → legal domains, benefit
/// period end; needs → life domains, but the life domain <c>health</c> only with the health
/// category too (health data are a special category, Art. 9 GDPR, never implied by another);
/// health and documents release no field of the client record (documents are not served here).
/// </para>
/// <para>
/// Free text goes only where a category covers everything it may hold. The needs text, written
/// by the sending partner or a case manager, describes the client's needs and in practice often
/// names health matters ("… Psychotherapie"); nobody checks what it says, so it must be treated
/// as holding health data. It is therefore released only under <c>needs</c> and <c>health</c>
/// together: <c>needs</c> alone covers the structured life domains, whose health entry is
/// filtered exactly. The referral's <c>purpose</c> is the one text written for the partner (the
/// case manager words it for this recipient) and is always shown. Every other text a case
/// manager writes (notes, contacts, barriers, withdraw and outcome reasons, a rejection recorded
/// on the partner's behalf) is covered by no category and never reaches a partner;
/// <see cref="AnswerReason"/> is the partner's own words only.
/// </para>
/// </remarks>
public static class ReferralDataShare
{
    public static SharedData Select(IReadOnlyCollection<DataCategory> categories, Client client, Needs needs)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(needs);
        var identity = categories.Contains(DataCategory.Identity);
        var contact = categories.Contains(DataCategory.Contact);
        var residence = categories.Contains(DataCategory.Residence);
        var benefits = categories.Contains(DataCategory.Benefits);

        SharedClient? shared = identity || contact || residence || benefits
            ? new SharedClient
            {
                GivenName = identity ? client.GivenName : null,
                FamilyName = identity ? client.FamilyName : null,
                DateOfBirth = identity ? client.DateOfBirth : null,
                Languages = identity ? client.Languages ?? [] : null,
                Phone = contact ? client.Phone : null,
                Email = contact ? client.Email : null,
                ResidenceStatus = residence ? client.ResidenceStatus : null,
                ResidenceDocumentExpires = residence ? client.ResidenceDocumentExpires : null,
                LegalDomains = benefits ? client.LegalDomains ?? [] : null,
                BenefitPeriodEnds = benefits ? client.BenefitPeriodEnds : null,
            }
            : null;

        SharedNeeds? sharedNeeds = null;
        if (categories.Contains(DataCategory.Needs))
        {
            var health = categories.Contains(DataCategory.Health);
            sharedNeeds = new SharedNeeds(
                [.. (needs.LifeDomains ?? []).Where(d => health || d != LifeDomain.Health)],
                health ? needs.Text : null);
        }

        return new SharedData(shared, sharedNeeds);
    }

    /// <summary>
    /// The reason shown with a referral: the partner's own reason for a rejection it sent itself;
    /// null for anything else (a withdrawal's reason, a rejection a case manager recorded on the
    /// partner's behalf), since those are a case manager's words about the client.
    /// </summary>
    public static string? AnswerReason(ReferralWorkflowState referral, string partnerId)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral.State == ReferralState.Rejected && referral.RespondedBy == Actors.Partner(partnerId)
            ? referral.Reason
            : null;
    }
}
