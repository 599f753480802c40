using Kim.Core.Cases;

namespace Kim.Functions.Partners;

/// <summary>
/// The one place that says which client fields a consent's data categories release to a partner
/// (DOMAIN.md: a partner sees of a referral exactly what its consent covers). Pure.
/// </summary>
/// <remarks>
/// identity → given and family name, date of birth, languages; contact → phone, e-mail;
/// residence → residence status, residence document expiry; benefits → legal domains, benefit
/// period end; needs → life domains and the needs text, but the life domain <c>health</c> only
/// with the health category too (health data are a special category, never implied by another);
/// health and documents release no field of the client record (documents are not served here).
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
                needs.Text);
        }

        return new SharedData(shared, sharedNeeds);
    }
}
