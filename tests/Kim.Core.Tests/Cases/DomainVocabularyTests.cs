using Kim.Core;
using Kim.Core.Cases;

namespace Kim.Core.Tests.Cases;

public class DomainVocabularyTests
{
    [Theory]
    [InlineData("AsylbLG", LegalDomain.AsylbLG)]
    [InlineData("SGB II", LegalDomain.SgbII)]
    [InlineData("sgb-2", LegalDomain.SgbII)]
    [InlineData("SGBVIII", LegalDomain.SgbVIII)]
    [InlineData("sgb 12", LegalDomain.SgbXII)]
    [InlineData("aufenthg", LegalDomain.AufenthG)]
    public void Legal_domains_are_read_forgivingly(string text, LegalDomain expected)
    {
        Assert.True(LegalDomains.TryParse(text, out var domain));
        Assert.Equal(expected, domain);
    }

    [Fact]
    public void Legal_domains_are_written_as_people_write_them()
    {
        foreach (var domain in Enum.GetValues<LegalDomain>())
        {
            Assert.Equal(domain.ToName(), KimJson.ToElement(domain).GetString());
            Assert.Equal(domain, KimJson.FromElement<LegalDomain>(KimJson.ToElement(domain)));
        }
    }

    [Fact]
    public void Urgency_is_the_intake_vocabulary_normal_or_urgent()
    {
        Assert.Equal(["normal", "urgent"], Enum.GetValues<Urgency>().Select(u => KimJson.ToElement(u).GetString()));
        Assert.Equal(Urgency.Urgent, KimJson.FromElement<Urgency>(KimJson.ToElement("urgent")));
    }

    [Fact]
    public void Case_states_are_written_in_kebab_case()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            Assert.Equal(state.ToName(), KimJson.ToElement(state).GetString());
        }
    }

    [Theory]
    [InlineData(CaseState.Referred, false)]
    [InlineData(CaseState.Clearing, true)]
    [InlineData(CaseState.HandoverPending, true)]
    [InlineData(CaseState.Declined, false)]
    [InlineData(CaseState.Closed, false)]
    public void Case_work_is_possible_in_open_states_from_clearing_on(CaseState state, bool allowed) =>
        Assert.Equal(allowed, state.AllowsCaseWork());

    [Fact]
    public void Client_fields_are_checked_against_the_limits()
    {
        var client = new Client { GivenName = new string('a', FieldLimits.NameLength + 1), FamilyName = " ", Email = "nope", Languages = ["ar"] };
        Assert.Equal(
            ["client.givenName", "client.email"],
            client.Validate().Select(e => e.Field));
    }

    [Theory]
    [InlineData("Amina", null, new string[0])]
    [InlineData(null, "Haddad", new string[0])]
    [InlineData("", "Haddad", new string[0])]
    [InlineData(null, null, new[] { "client.givenName", "client.familyName" })]
    [InlineData(" ", "", new[] { "client.givenName", "client.familyName" })]
    public void A_person_may_have_one_name_but_needs_one(string? givenName, string? familyName, string[] failing)
    {
        var client = new Client { GivenName = givenName, FamilyName = familyName };
        Assert.Equal(failing, client.Validate().Select(e => e.Field));
    }
}
