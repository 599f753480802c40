using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Tests.Cases;
using Kim.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Access;

/// <summary>
/// Every endpoint of the real app's route table, called as every kind of caller. A route that is
/// not in <see cref="Routes"/> fails the test: whoever adds a route decides here who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Missing = "c-doesnotexist0";

    /// <summary>Who may call a route.</summary>
    public enum Rule
    {
        Anyone,
        Partner,
        CaseManager,
        Coordinator,
        Administrator,
        DataProtection,
    }

    /// <summary>The callers of the matrix.</summary>
    public enum Caller
    {
        Anonymous,
        UnknownKey,
        PartnerConcerned,
        OtherPartner,
        CaseManager,
        OtherMunicipality,
        Coordinator,
        Administrator,
        DataProtectionOfficer,
        Deactivated,
    }

    /// <summary>
    /// Each route: who may call it, what the permitted caller gets for the request the matrix sends
    /// (a body without fields), and whether it concerns one case (then a case manager of
    /// another municipality, and a partner not concerned, get exactly what a missing one gets).
    /// </summary>
    private static readonly Dictionary<string, (Rule Rule, HttpStatusCode Allowed, bool Scoped)> Routes = new(StringComparer.Ordinal)
    {
        ["GET /api/health"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /openapi/{documentName}.json"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /api/dev/mailbox"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /api/docs/{documentName?}"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /api/docs/scalar.js"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /api/docs/scalar.aspnetcore.js"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["GET /api/docs/favicon.svg"] = (Rule.Anyone, HttpStatusCode.OK, false),
        ["POST /api/intake"] = (Rule.Partner, HttpStatusCode.UnprocessableEntity, false),
        ["GET /api/intake/{reference}"] = (Rule.Partner, HttpStatusCode.OK, true),
        ["GET /api/referrals/{referralId}"] = (Rule.Partner, HttpStatusCode.OK, true),
        ["POST /api/referrals/{referralId}/response"] = (Rule.Partner, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, false),
        ["GET /api/cases"] = (Rule.CaseManager, HttpStatusCode.OK, false),
        ["GET /api/cases/{caseId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["PATCH /api/cases/{caseId}/client"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["PATCH /api/cases/{caseId}/needs"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/timeline"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["POST /api/cases/{caseId}/assign"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/transitions/{transition}"] = (Rule.CaseManager, HttpStatusCode.Conflict, true),
        ["POST /api/cases/{caseId}/contacts"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/barriers"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/consents"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/consents/{consentId}/withdraw"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["POST /api/cases/{caseId}/referrals"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/referrals/{referralId}/response"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/referrals/{referralId}/withdraw"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["POST /api/cases/{caseId}/referrals/{referralId}/outcome"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/handovers"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/handovers/{handoverId}/steps/{step}/confirm"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["POST /api/cases/{caseId}/followups"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["POST /api/cases/{caseId}/followups/{followUpId}/done"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["POST /api/cases/{caseId}/documents"] = (Rule.CaseManager, HttpStatusCode.UnprocessableEntity, true),
        ["GET /api/cases/{caseId}/documents"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/documents/{documentId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/contacts/{contactId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/barriers/{barrierId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/consents/{consentId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/referrals/{referralId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/handovers/{handoverId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/cases/{caseId}/followups/{followUpId}"] = (Rule.CaseManager, HttpStatusCode.OK, true),
        ["GET /api/followups"] = (Rule.CaseManager, HttpStatusCode.OK, false),
        ["GET /api/admin/staff"] = (Rule.Administrator, HttpStatusCode.OK, false),
        ["GET /api/admin/orchestrations"] = (Rule.Administrator, HttpStatusCode.OK, false),
        ["POST /api/admin/orchestrations/{instanceId}/restart"] = (Rule.Administrator, HttpStatusCode.Conflict, false),
        ["POST /api/admin/staff"] = (Rule.Administrator, HttpStatusCode.UnprocessableEntity, false),
        ["PATCH /api/admin/staff/{staffId}"] = (Rule.Administrator, HttpStatusCode.OK, false),
        ["GET /api/admin/partners"] = (Rule.Administrator, HttpStatusCode.OK, false),
        ["POST /api/admin/partners"] = (Rule.Administrator, HttpStatusCode.UnprocessableEntity, false),
        ["PATCH /api/admin/partners/{partnerId}"] = (Rule.Administrator, HttpStatusCode.OK, false),
        ["POST /api/admin/partners/{partnerId}/keys"] = (Rule.Administrator, HttpStatusCode.Created, false),
        ["DELETE /api/admin/partners/{partnerId}/keys/{keyId}"] = (Rule.Administrator, HttpStatusCode.NotFound, false),
        ["GET /api/admin/audit"] = (Rule.DataProtection, HttpStatusCode.OK, false),
        ["GET /api/admin/audit/verify"] = (Rule.DataProtection, HttpStatusCode.OK, false),
        ["GET /api/admin/cases/{caseId}/export"] = (Rule.DataProtection, HttpStatusCode.OK, true),
        ["POST /api/admin/cases/{caseId}/legal-hold"] = (Rule.Administrator, HttpStatusCode.UnprocessableEntity, true),
        ["DELETE /api/admin/cases/{caseId}/legal-hold"] = (Rule.Administrator, HttpStatusCode.NoContent, true),
        ["DELETE /api/admin/cases/{caseId}"] = (Rule.Administrator, HttpStatusCode.Conflict, true),
        ["GET /api/reports/cases"] = (Rule.Coordinator, HttpStatusCode.OK, false),
        ["GET /api/reports/barriers"] = (Rule.Coordinator, HttpStatusCode.OK, false),
    };

    [Fact(Timeout = 300_000)]
    public async Task Every_route_answers_every_kind_of_caller_as_the_table_says_and_a_stranger_as_if_nothing_were_there()
    {
        await using var app = new KimApp(azurite);
        var values = await FixtureAsync(app);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Route: $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}",
                Multipart: e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)))
            .DistinctBy(e => e.Route)
            .ToDictionary(e => e.Route, e => e.Multipart, StringComparer.Ordinal);

        var unlisted = endpoints.Keys.Where(e => !Routes.ContainsKey(e)).ToList();
        Assert.True(unlisted.Count == 0, "Routes without an entry in the matrix (say who may call them): " + string.Join(", ", unlisted));
        var gone = Routes.Keys.Where(r => !endpoints.ContainsKey(r)).ToList();
        Assert.True(gone.Count == 0, "Matrix entries of routes the app no longer has: " + string.Join(", ", gone));

        var clients = Enum.GetValues<Caller>().ToDictionary(c => c, c => ClientFor(app, c));
        var failures = new List<string>();
        foreach (var (route, multipart) in endpoints)
        {
            var (rule, allowed, scoped) = Routes[route];
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var pattern = route[(method.Length + 1)..];
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expected = Expected(rule, allowed, scoped, caller);
                using var response = await clients[caller].SendAsync(Request(method, Fill(pattern, values), multipart));
                if (response.StatusCode != expected)
                {
                    failures.Add($"{route} as {caller}: expected {(int)expected}, got {(int)response.StatusCode}");
                }

                if (scoped && caller is Caller.OtherMunicipality or Caller.OtherPartner && response.StatusCode == HttpStatusCode.NotFound)
                {
                    // A stranger learns nothing: the same status and problem type as for a case that does not exist.
                    var owner = caller == Caller.OtherMunicipality ? Caller.CaseManager : Caller.PartnerConcerned;
                    using var missing = await clients[owner].SendAsync(Request(method, Fill(pattern, values with { CaseId = Missing }), multipart));
                    if (missing.StatusCode != response.StatusCode || await TypeAsync(missing) != await TypeAsync(response))
                    {
                        failures.Add($"{route} as {caller}: {(int)response.StatusCode} {await TypeAsync(response)}, a missing case {(int)missing.StatusCode} {await TypeAsync(missing)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>What <paramref name="caller"/> gets from a route of <paramref name="rule"/>.</summary>
    private static HttpStatusCode Expected(Rule rule, HttpStatusCode allowed, bool scoped, Caller caller) => (rule, caller) switch
    {
        (Rule.Anyone, _) => allowed,
        (Rule.Partner, Caller.PartnerConcerned) => allowed,
        (Rule.Partner, Caller.OtherPartner) => scoped ? HttpStatusCode.NotFound : allowed,

        // A staff header on a partner route is no partner, and a key on a staff route no staff member.
        (Rule.Partner, _) or (_, Caller.Anonymous or Caller.UnknownKey or Caller.PartnerConcerned or Caller.OtherPartner or Caller.Deactivated)
            => HttpStatusCode.Unauthorized,
        (Rule.CaseManager, Caller.CaseManager) => allowed,
        (Rule.CaseManager, Caller.OtherMunicipality) => scoped ? HttpStatusCode.NotFound : allowed,
        (Rule.Coordinator, Caller.Coordinator) => allowed,
        (Rule.Administrator, Caller.Administrator) => allowed,
        (Rule.DataProtection, Caller.Administrator or Caller.DataProtectionOfficer) => allowed,
        _ => HttpStatusCode.Forbidden,
    };

    private static HttpClient ClientFor(KimApp app, Caller caller) => caller switch
    {
        Caller.Anonymous => app.Anonymous(),
        Caller.UnknownKey => app.Partner("kim_unknownkeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        Caller.PartnerConcerned => app.Partner(DemoData.CaritasKey),
        Caller.OtherPartner => app.Partner(DemoData.JobCentreKey),
        Caller.CaseManager => app.Staff(CaseKit.Luedenscheid),
        Caller.OtherMunicipality => app.Staff("cm-iserlohn"),
        Caller.Coordinator => app.Staff("coord-mk"),
        Caller.Administrator => app.Staff("admin-mk"),
        Caller.DataProtectionOfficer => app.Staff("dpo-mk"),
        Caller.Deactivated => app.Staff("cm-deactivated"),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>The ids a route's parameters take: one case of Lüdenscheid, sent by Caritas and referred to it, with one of everything.</summary>
    private sealed record RouteValues(
        string CaseId, string ReferralShortId, string ConsentId, string DocumentId, string FollowUpId, string HandoverShortId, string Step,
        string ContactId, string BarrierId)
    {
        public string Value(string parameter) => parameter switch
        {
            "caseId" or "reference" or "instanceId" => CaseId,
            "referralId" => $"{CaseId}:{ReferralShortId}",
            "consentId" => ConsentId,
            "documentId" => DocumentId,
            "contactId" => ContactId,
            "barrierId" => BarrierId,
            "followUpId" => FollowUpId,
            "handoverId" => $"{CaseId}:{HandoverShortId}",
            "step" => Step,
            "transition" => "reopen",
            "staffId" => "cm-menden",
            "partnerId" => "caritas-luedenscheid",
            "keyId" => "kim_notakey0",
            "documentName" => "v1",
            _ => throw new InvalidOperationException($"The matrix has no value for the route parameter {{{parameter}}}; add one."),
        };
    }

    private static string Fill(string pattern, RouteValues values) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)\??\}", m => Uri.EscapeDataString(values.Value(m.Groups[1].Value)));

    /// <summary>
    /// The request the matrix sends: a body in the content type the route accepts (routing answers a
    /// content type a route does not accept with 415 before anyone is authenticated), empty of fields.
    /// </summary>
    private static HttpRequestMessage Request(string method, string path, bool multipart)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PATCH" or "PUT")
        {
            request.Content = multipart
                ? new MultipartFormDataContent { { new StringContent("nothing"), "note" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<string?> TypeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.StartsWith('{') && JsonDocument.Parse(body).RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
    }

    private static async Task<RouteValues> FixtureAsync(KimApp app)
    {
        await app.Services.GetRequiredService<IAccessDirectory>().UpsertStaffAsync(
            new StaffMember("cm-deactivated", "Ehemalig", "cm-deactivated@example.org", StaffRole.CaseManager, DemoData.District, "luedenscheid", Active: false),
            CancellationToken.None);
        using var caritas = app.Partner(DemoData.CaritasKey);
        using var intake = await caritas.SendAsync(IntakeRequests.Json(IntakeRequests.Minimal("MATRIX-1").With("consentToCaseProcessing", "true"), apiKey: null));
        var caseId = (await CaseKit.OkAsync(intake, HttpStatusCode.Accepted)).GetProperty("reference").GetString()!;
        using var staff = app.Staff(CaseKit.Luedenscheid);
        await CaseKit.ReadyForCaritasAsync(staff, caseId);

        // The consent the matrix withdraws is not the one behind the referral: withdrawing that one
        // withdraws the referral in the same commit, and the referral's own withdraw route would answer 409.
        var consentId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung",
            categories = new[] { "identity" },
            form = "written",
            validFrom = "2026-11-02",
        }));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }));
        var followUpId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/followups", new { dueAt = "2026-11-20T09:00:00+01:00", note = "Rückruf" }));
        var handoverId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }));
        var contactId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/contacts", new { at = "2026-11-02T09:00:00+01:00", channel = "phone", note = "Termin" }));
        var barrierId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/barriers", new { category = "waiting-time", agency = "Ausländerbehörde", description = "4 Monate" }));
        var file = new ByteArrayContent(IntakeRequests.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var documentId = await CaseKit.CreatedIdAsync(await staff.PostAsync($"/api/cases/{caseId}/documents", new MultipartFormDataContent { { file, "file", "a.pdf" } }));
        await CaseKit.UntilAsync(async () => (await caritas.GetAsync($"/api/referrals/{Uri.EscapeDataString(referralId)}")).StatusCode == HttpStatusCode.OK);
        var handover = (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("handovers")[0];
        return new RouteValues(
            caseId, ShortId(referralId), consentId, documentId, ShortId(followUpId), ShortId(handoverId),
            handover.GetProperty("steps")[0].GetProperty("step").GetString()!, contactId, barrierId);
    }

    private static string ShortId(string id) => id.Contains(':', StringComparison.Ordinal) ? id[(id.LastIndexOf(':') + 1)..] : id;
}
