using System.Net;
using System.Net.Http.Json;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Tests.Cases;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Administration;

/// <summary>The administrator's routes on staff and partners, on the real app and Azurite.</summary>
public sealed class AdministrationApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;
    private const string Admin = "admin-mk";

    [Fact(Timeout = Timeout)]
    public async Task An_administrator_creates_a_case_manager_changes_their_role_and_a_deactivation_is_401_at_once()
    {
        await using var app = new KimApp(azurite);
        using var admin = app.Staff(Admin);
        var id = "cm-new-" + Guid.NewGuid().ToString("N")[..8];

        using var created = await admin.PostAsJsonAsync("/api/admin/staff", new
        {
            id,
            name = "Neue Fallmanagerin",
            email = "neu@example.org",
            role = "case-manager",
            municipality = "menden",
        });
        Assert.Equal(id, await CaseKit.CreatedIdAsync(created));
        using var person = app.Staff(id);
        await CaseKit.OkAsync(await person.GetAsync("/api/cases"));

        var listed = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/staff"));
        var row = listed.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("staffId").GetString() == id);
        Assert.Equal("case-manager", row.GetProperty("role").GetString());
        Assert.Equal("menden", row.GetProperty("municipality").GetString());
        Assert.True(row.GetProperty("active").GetBoolean());

        var changed = await CaseKit.OkAsync(await admin.PatchAsJsonAsync($"/api/admin/staff/{id}", new { role = "coordinator", municipality = (string?)null }));
        Assert.Equal("coordinator", changed.GetProperty("role").GetString());
        await Problems.AssertAsync(await person.GetAsync("/api/cases"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);

        await CaseKit.OkAsync(await admin.PatchAsJsonAsync($"/api/admin/staff/{id}", new { active = false }));
        await Problems.AssertAsync(await person.GetAsync("/api/cases"), HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);

        await CaseKit.OkAsync(await admin.PatchAsJsonAsync($"/api/admin/staff/{id}", new { active = true, role = "case-manager", municipality = "iserlohn" }));
        await CaseKit.OkAsync(await person.GetAsync("/api/cases"));
    }

    [Fact(Timeout = Timeout)]
    public async Task Invalid_staff_are_422_naming_the_fields_and_a_taken_id_is_409()
    {
        await using var app = new KimApp(azurite);
        using var admin = app.Staff(Admin);

        var problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { id = "Bad Id", email = "not-an-address", role = "case-manager", colour = "blue" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["colour"], Problems.ErrorFields(problem));

        problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { id = "Bad Id", email = "not-an-address", role = "case-manager" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["email", "id", "municipality", "name"], Problems.ErrorFields(problem).Order(StringComparer.Ordinal));

        problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { name = "X", email = "x@example.org", role = "king", active = "yes" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["active"], Problems.ErrorFields(problem));

        problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { name = "X", email = "x@example.org", role = "coordinator", municipality = "menden" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["municipality"], Problems.ErrorFields(problem));

        problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { name = "X", email = "x@example.org", role = "case-manager", municipality = "hagen" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["municipality"], Problems.ErrorFields(problem));

        await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/staff", new { id = "cm-menden", name = "X", email = "x@example.org", role = "coordinator" }),
            HttpStatusCode.Conflict, ProblemTypes.Conflict);

        problem = await Problems.AssertAsync(
            await admin.PatchAsJsonAsync("/api/admin/staff/cm-menden", new { id = "cm-other" }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["id"], Problems.ErrorFields(problem));

        await Problems.AssertAsync(
            await admin.PatchAsJsonAsync($"/api/admin/staff/{Admin}", new { active = false }), HttpStatusCode.Conflict, ProblemTypes.Conflict);
    }

    [Fact(Timeout = Timeout)]
    public async Task Staff_and_partners_of_another_district_answer_exactly_like_unknown_ones()
    {
        await using var app = new KimApp(azurite);
        var directory = app.Services.GetRequiredService<IAccessDirectory>();
        await directory.UpsertStaffAsync(new StaffMember("cm-hsk", "HSK", "cm-hsk@example.org", StaffRole.CaseManager, "hsk", "arnsberg"), CancellationToken.None);
        await directory.UpsertPartnerAsync(new Partner("jobcenter-hsk", "Jobcenter HSK", PartnerType.JobCentre, "jc@example.org", "hsk", null, []), CancellationToken.None);
        using var admin = app.Staff(Admin);

        foreach (var (other, unknown) in new[]
        {
            (Patch("/api/admin/staff/cm-hsk", new { active = false }), Patch("/api/admin/staff/cm-nowhere", new { active = false })),
            (Patch("/api/admin/partners/jobcenter-hsk", new { active = false }), Patch("/api/admin/partners/nowhere", new { active = false })),
            (new HttpRequestMessage(HttpMethod.Post, "/api/admin/partners/jobcenter-hsk/keys"), new HttpRequestMessage(HttpMethod.Post, "/api/admin/partners/nowhere/keys")),
            (new HttpRequestMessage(HttpMethod.Delete, "/api/admin/partners/jobcenter-hsk/keys/k"), new HttpRequestMessage(HttpMethod.Delete, "/api/admin/partners/nowhere/keys/k")),
        })
        {
            var first = await Problems.AssertAsync(await admin.SendAsync(other), HttpStatusCode.NotFound, ProblemTypes.NotFound);
            var second = await Problems.AssertAsync(await admin.SendAsync(unknown), HttpStatusCode.NotFound, ProblemTypes.NotFound);
            Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        }

        var staff = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/staff"));
        Assert.DoesNotContain(staff.GetProperty("items").EnumerateArray(), s => s.GetProperty("staffId").GetString() == "cm-hsk");
        Assert.True((await directory.FindStaffAsync("cm-hsk", CancellationToken.None))!.Active);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_key_rotation_keeps_old_and_new_key_working_until_the_old_one_is_revoked()
    {
        await using var app = new KimApp(azurite);
        using var admin = app.Staff(Admin);
        var partnerId = "beratung-" + Guid.NewGuid().ToString("N")[..8];
        await CaseKit.CreatedIdAsync(await admin.PostAsJsonAsync("/api/admin/partners", new
        {
            id = partnerId,
            name = "Migrationsberatung Iserlohn",
            type = "counselling",
            email = "mbe@example.org",
            municipality = "iserlohn",
        }));

        var old = await CaseKit.OkAsync(await admin.PostAsync($"/api/admin/partners/{partnerId}/keys", null), HttpStatusCode.Created);
        var oldKey = old.GetProperty("key").GetString()!;
        await AssertKeyWorksAsync(app, oldKey);

        var rotated = await CaseKit.OkAsync(await admin.PostAsync($"/api/admin/partners/{partnerId}/keys", null), HttpStatusCode.Created);
        var newKey = rotated.GetProperty("key").GetString()!;
        await AssertKeyWorksAsync(app, oldKey);
        await AssertKeyWorksAsync(app, newKey);
        await Problems.AssertAsync(await admin.PostAsync($"/api/admin/partners/{partnerId}/keys", null), HttpStatusCode.Conflict, ProblemTypes.Conflict);

        var partners = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/partners"));
        var listed = partners.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("partnerId").GetString() == partnerId);
        Assert.Equal("counselling", listed.GetProperty("type").GetString());
        Assert.Equal(2, listed.GetProperty("keyIds").GetArrayLength());
        Assert.DoesNotContain(oldKey, partners.GetRawText(), StringComparison.Ordinal);

        using (var revoke = await admin.DeleteAsync($"/api/admin/partners/{partnerId}/keys/{old.GetProperty("keyId").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await AssertKeyRefusedAsync(app, oldKey);
        await AssertKeyWorksAsync(app, newKey);

        await CaseKit.OkAsync(await admin.PatchAsJsonAsync($"/api/admin/partners/{partnerId}", new { active = false }));
        await AssertKeyRefusedAsync(app, newKey);
    }

    [Fact(Timeout = Timeout)]
    public async Task Other_roles_may_not_administer_and_invalid_partners_are_422()
    {
        await using var app = new KimApp(azurite);
        foreach (var staffId in new[] { CaseKit.Luedenscheid, "coord-mk", "dpo-mk" })
        {
            using var other = app.Staff(staffId);
            await Problems.AssertAsync(await other.GetAsync("/api/admin/staff"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        }

        using var admin = app.Staff(Admin);
        var problem = await Problems.AssertAsync(
            await admin.PostAsJsonAsync("/api/admin/partners", new { name = "", type = "spaceship", email = "x@example.org", municipality = "hagen" }),
            HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["municipality", "name", "type"], Problems.ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    private static HttpRequestMessage Patch(string path, object body) =>
        new(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };

    private static async Task AssertKeyWorksAsync(KimApp app, string key)
    {
        using var partner = app.Partner(key);
        await Problems.AssertAsync(await partner.GetAsync("/api/intake/c-none"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    private static async Task AssertKeyRefusedAsync(KimApp app, string key)
    {
        using var partner = app.Partner(key);
        await Problems.AssertAsync(await partner.GetAsync("/api/intake/c-none"), HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }
}
