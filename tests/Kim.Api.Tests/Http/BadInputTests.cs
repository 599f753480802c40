using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Tests.Cases;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Http;

/// <summary>
/// Inputs that real partner systems and scripts send, one kind of bad input per test with several
/// inputs of the kind, on the real app and Azurite: each is answered with its 4xx and stable type,
/// and nothing is stored (no case, the case and its timeline as before).
/// </summary>
public sealed partial class BadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 120_000;
    private const string Nfc = "M\u00fcller";
    private const string Nfd = "Mu\u0308ller";

    [Fact(Timeout = Timeout)]
    public async Task A_member_sent_twice_is_422_on_every_JSON_route_top_level_and_nested_and_changes_nothing()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var intake = IntakeRequests.ToJson(IntakeRequests.Full("DUP-1")).ToJsonString();
        (string Body, string Field)[] intakes =
        [
            (intake.Replace("\"municipality\":\"luedenscheid\"", "\"municipality\":\"luedenscheid\",\"municipality\":\"iserlohn\"", StringComparison.Ordinal), "municipality"),
            (intake.Replace("\"givenName\":\"Amina\"", "\"givenName\":\"Amina\",\"givenName\":\"Omar\"", StringComparison.Ordinal), "client.givenName"),
            (intake.Replace("\"consentToCaseProcessing\":true", "\"consentToCaseProcessing\":false,\"consentToCaseProcessing\":true", StringComparison.Ordinal), "consentToCaseProcessing"),
            (intake.Replace("\"urgency\":\"normal\"", "\"urgency\":\"normal\",\"Urgency\":\"urgent\"", StringComparison.Ordinal), "Urgency"),
        ];
        foreach (var (body, field) in intakes)
        {
            Assert.NotEqual(intake, body);
            await AssertDuplicateAsync(await http.SendAsync(IntakeRequests.Raw(body, "application/json")), field);
        }

        Assert.Equal(0, await CaseKit.CountCasesAsync(Workflows(app), "DUP-1"));
        await AcceptedAsync(http, IntakeRequests.Raw(intake, "application/json"));

        var (caseId, referralId) = await ReferredAsync(app, staff);
        var before = await SnapshotAsync(staff, caseId);
        (HttpMethod Method, string Url, string ContentType, string Body, string Field)[] staffRequests =
        [
            (HttpMethod.Patch, $"/api/cases/{caseId}/client", "application/merge-patch+json", """{"familyName":"A","familyName":"B"}""", "familyName"),
            (HttpMethod.Patch, $"/api/cases/{caseId}/needs", "application/json", """{"text":"a","lifeDomains":["work"],"text":"b"}""", "text"),
            (HttpMethod.Post, $"/api/cases/{caseId}/transitions/agree-plan", "application/json", """{"goals":[{"text":"a","text":"b"}]}""", "goals[0].text"),
            (HttpMethod.Post, $"/api/cases/{caseId}/transitions/close", "application/json", """{"reason":"moved-away","reason":"other"}""", "reason"),
            (HttpMethod.Post, $"/api/cases/{caseId}/followups", "application/json", """{"dueAt":"2026-12-01","note":"a","note":"b"}""", "note"),
            (HttpMethod.Post, $"/api/cases/{caseId}/assign", "application/json", """{"caseManagerId":"cm-luedenscheid","caseManagerId":"x"}""", "caseManagerId"),
            (HttpMethod.Post, $"/api/cases/{caseId}/referrals/{referralId}/response", "application/json", """{"decision":"rejected","reason":"x","decision":"accepted"}""", "decision"),
            (HttpMethod.Post, "/api/cases", "application/json", """{"client":{"familyName":"A","dateOfBirth":"1990-01-01","familyName":"B"},"consentToCaseProcessing":true}""", "client.familyName"),
        ];
        foreach (var (method, url, contentType, body, field) in staffRequests)
        {
            await AssertDuplicateAsync(await staff.SendAsync(Raw(method, url, body, contentType)), field);
        }

        using var partner = app.Partner(DemoData.JobCentreKey);
        await AssertDuplicateAsync(
            await partner.SendAsync(Raw(HttpMethod.Post, $"/api/referrals/{referralId}/response", """{"decision":"rejected","reason":"voll","Decision":"accepted"}""")),
            "Decision");
        Assert.Equal(before, await SnapshotAsync(staff, caseId));
        Assert.Equal("sent", (await CaseKit.OkAsync(await partner.GetAsync($"/api/referrals/{referralId}"))).GetProperty("state").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Text_is_stored_in_NFC_so_two_spellings_of_a_name_are_the_same_intake()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var fields = IntakeRequests.Full("NFC-1").With("client.familyName", Nfc);
        var nfd = IntakeRequests.Full("NFC-1").With("client.familyName", Nfd);

        var first = await AcceptedAsync(http, IntakeRequests.Json(fields, idempotencyKey: "nfc-key-1"));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.Json(nfd, idempotencyKey: "nfc-key-1")));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.UrlEncoded(nfd, idempotencyKey: "nfc-key-1")));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.Multipart(nfd)));
        var stored = await CaseKit.GetCaseAsync(staff, first);
        Assert.Equal(Nfc, stored.GetProperty("client").GetProperty("familyName").GetString());
        Assert.Equal(1, await CaseKit.CountCasesAsync(Workflows(app), "NFC-1"));

        var withFile = await AcceptedAsync(http, IntakeRequests.Multipart(
            IntakeRequests.Full("NFC-2"), [($"Bescheid-{Nfd}.pdf", "application/pdf", IntakeRequests.Pdf)]));
        var documents = await app.Services.GetRequiredService<IDocumentStore>().ListAsync(withFile, CancellationToken.None);
        Assert.Equal($"Bescheid-{Nfc}.pdf", Assert.Single(documents).FileName);

        var walkIn = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync("/api/cases", new
        {
            client = new { givenName = "Jo\u0308rg", familyName = Nfd, dateOfBirth = "1980-01-01" },
            consentToCaseProcessing = true,
        }));
        await CaseKit.OkAsync(await staff.SendAsync(Raw(HttpMethod.Patch, $"/api/cases/{walkIn}/needs", $$"""{"text":"Sprachkurs fu\u0308r {{Nfd}}"}""")));
        var opened = await CaseKit.GetCaseAsync(staff, walkIn);
        Assert.Equal("J\u00f6rg", opened.GetProperty("client").GetProperty("givenName").GetString());
        Assert.Equal(Nfc, opened.GetProperty("client").GetProperty("familyName").GetString());
        Assert.Equal($"Sprachkurs f\u00fcr {Nfc}", opened.GetProperty("needs").GetProperty("text").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_person_may_have_one_name_and_every_refusal_names_its_field_by_its_API_path()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);

        var familyOnly = await AcceptedAsync(http, IntakeRequests.Json(IntakeRequests.Full("ONE-1").Without("client.givenName")));
        var givenOnly = await AcceptedAsync(http, IntakeRequests.UrlEncoded(IntakeRequests.Full("ONE-2").Without("client.familyName")));
        var client = (await CaseKit.GetCaseAsync(staff, familyOnly)).GetProperty("client");
        Assert.False(client.TryGetProperty("givenName", out _));
        Assert.Equal("Haddad", client.GetProperty("familyName").GetString());
        Assert.Equal("Amina", (await CaseKit.GetCaseAsync(staff, givenOnly)).GetProperty("client").GetProperty("givenName").GetString());

        using var nameless = await http.SendAsync(IntakeRequests.Json(IntakeRequests.Full("ONE-3").Without("client.givenName", "client.familyName")));
        var problem = await Problems.AssertAsync(nameless, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["client.familyName", "client.givenName"], Problems.ErrorFields(problem).Order(StringComparer.Ordinal));
        Assert.Equal(0, await CaseKit.CountCasesAsync(Workflows(app), "ONE-3"));

        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync("/api/cases", new { client = new { familyName = "Haddad" }, consentToCaseProcessing = true }));
        var walkIn = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync("/api/cases", new { client = new { givenName = "Amina" }, consentToCaseProcessing = true }));
        var cases = (await CaseKit.OkAsync(await staff.GetAsync("/api/cases"))).GetProperty("items").GetArrayLength();
        (object Body, string[] Fields)[] refused =
        [
            (new { client = new { dateOfBirth = "1990-01-01" }, consentToCaseProcessing = true }, ["client.familyName", "client.givenName"]),
            (new { client = new { givenName = "", familyName = " " }, consentToCaseProcessing = true }, ["client.familyName", "client.givenName"]),
            (new { client = new { givenName = "Amina", dateOfBirth = "12.4.1990" }, consentToCaseProcessing = true }, ["client.dateOfBirth"]),
            (new { client = new { givenName = new string('a', 101) }, consentToCaseProcessing = true }, ["client.givenName"]),
        ];
        foreach (var (body, fields) in refused)
        {
            var answer = await Problems.AssertAsync(await staff.PostAsJsonAsync("/api/cases", body), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
            Assert.Equal(fields, Problems.ErrorFields(answer).Order(StringComparer.Ordinal));
        }

        Assert.Equal(cases, (await CaseKit.OkAsync(await staff.GetAsync("/api/cases"))).GetProperty("items").GetArrayLength());
        var before = await SnapshotAsync(staff, walkIn);
        var unnamed = await Problems.AssertAsync(
            await staff.SendAsync(Raw(HttpMethod.Patch, $"/api/cases/{walkIn}/client", """{"givenName":null}""")), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["client.familyName", "client.givenName"], Problems.ErrorFields(unnamed).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync(staff, walkIn));
    }

    [Fact(Timeout = Timeout)]
    public async Task Text_that_is_not_valid_Unicode_is_400_on_intake_and_case_routes_and_changes_nothing()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var intake = IntakeRequests.ToJson(IntakeRequests.Full("UTF-1")).ToJsonString();
        string[] intakes =
        [
            intake.Replace("\"givenName\":\"Amina\"", "\"givenName\":\"\\ud800\"", StringComparison.Ordinal),
            intake.Replace("\"familyName\":\"Haddad\"", "\"familyName\":\"Haddad \\udc00\"", StringComparison.Ordinal),
            intake.Replace("\"languages\":[\"ar\"", "\"languages\":[\"\\ud83d\"", StringComparison.Ordinal),
            intake.Replace("\"partnerContact\":{", "\"partnerContact\":{\"\\ud800\":1,", StringComparison.Ordinal),
        ];
        foreach (var body in intakes)
        {
            Assert.NotEqual(intake, body);
            await Problems.AssertAsync(await http.SendAsync(IntakeRequests.Raw(body, "application/json")), HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        }

        Assert.Equal(0, await CaseKit.CountCasesAsync(Workflows(app), "UTF-1"));
        var caseId = await CaseKit.AcceptedAsync(staff);
        var before = await SnapshotAsync(staff, caseId);
        (HttpMethod Method, string Url, string Body)[] requests =
        [
            (HttpMethod.Post, $"/api/cases/{caseId}/followups", """{"dueAt":"2026-12-01","note":"R\ud800ckruf"}"""),
            (HttpMethod.Patch, $"/api/cases/{caseId}/client", """{"familyName":"\udfff"}"""),
            (HttpMethod.Post, $"/api/cases/{caseId}/transitions/agree-plan", """{"goals":[{"text":"\ud800"}]}"""),
            (HttpMethod.Post, "/api/cases", """{"client":{"givenName":"\ud800"},"consentToCaseProcessing":true}"""),
        ];
        foreach (var (method, url, body) in requests)
        {
            await Problems.AssertAsync(await staff.SendAsync(Raw(method, url, body)), HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        }

        Assert.Equal(before, await SnapshotAsync(staff, caseId));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_multipart_body_cut_off_or_malformed_is_400_and_stores_nothing()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var fields = string.Concat(IntakeRequests.Full("CUT-1").Select(f => $"--B\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n"));
        const string FilePart = "--B\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n1 0 obj";
        (string Body, string ContentType)[] bodies =
        [
            ("--B\r\nContent-Disposition: form-data; n", "multipart/form-data; boundary=B"),
            ("--B\r\nContent-Disposition: form-data; name=\"partnerReference\"\r\n\r\nCUT-1", "multipart/form-data; boundary=B"),
            (fields, "multipart/form-data; boundary=B"),
            (fields + FilePart, "multipart/form-data; boundary=B"),
            (fields + "--B\r\nthis line is no header\r\n\r\nx\r\n--B--\r\n", "multipart/form-data; boundary=B"),
            (fields + "--B--\r\n", "multipart/form-data"),
            (fields + "--B--\r\n", "multipart/form-data; boundary=\"\""),
        ];
        foreach (var (body, contentType) in bodies)
        {
            await Problems.AssertAsync(await http.SendAsync(IntakeRequests.Raw(body, contentType)), HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        }

        await AcceptedAsync(http, IntakeRequests.Raw(fields + "--B--\r\n", "multipart/form-data; boundary=B"));
        Assert.Equal(1, await CaseKit.CountCasesAsync(Workflows(app), "CUT-1"));

        var caseId = await CaseKit.OpenAsync(staff);
        foreach (var body in new[] { FilePart, FilePart + "\n%%EOF\n\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filen" })
        {
            var request = Raw(HttpMethod.Post, $"/api/cases/{caseId}/documents", body, "multipart/form-data; boundary=B");
            await Problems.AssertAsync(await staff.SendAsync(request), HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        }

        Assert.Equal(0, (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/documents"))).GetProperty("items").GetArrayLength());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_file_whose_structure_is_not_that_of_its_type_is_422_on_intake_and_upload_and_stores_nothing()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        (string Name, string Type, byte[] Bytes)[] files =
        [
            ("bescheid.pdf", "application/pdf", "%PDF-"u8.ToArray()),
            ("bescheid.pdf", "application/pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray()),
            ("pass.png", "image/png", IntakeRequests.Png[..8]),
            ("pass.png", "image/png", IntakeRequests.Png[..^12]),
            ("foto.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
            ("foto.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]),
        ];
        var caseId = await CaseKit.OpenAsync(staff);
        foreach (var file in files)
        {
            var intake = await Problems.AssertAsync(
                await http.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("FILE-1"), [file])), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
            Assert.Equal(["documents"], Problems.ErrorFields(intake));
            using var upload = new MultipartFormDataContent();
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.Type);
            upload.Add(part, "file", file.Name);
            var uploaded = await Problems.AssertAsync(
                await staff.PostAsync($"/api/cases/{caseId}/documents", upload), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
            Assert.Equal(["file"], Problems.ErrorFields(uploaded));
        }

        Assert.Equal(0, await CaseKit.CountCasesAsync(Workflows(app), "FILE-1"));
        Assert.Equal(0, (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/documents"))).GetProperty("items").GetArrayLength());
        await AcceptedAsync(http, IntakeRequests.Multipart(IntakeRequests.Full("FILE-1"),
            [("bescheid.pdf", "application/pdf", IntakeRequests.Pdf), ("pass.png", "image/png", IntakeRequests.Png)]));
    }

    [Fact(Timeout = Timeout)]
    public async Task The_partner_reference_decides_the_case_whatever_the_Idempotency_Key()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var fields = IntakeRequests.Full("REF-1");
        var other = fields.With("urgency", "urgent");

        var first = await AcceptedAsync(http, IntakeRequests.Json(fields, idempotencyKey: "ref-k1"));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.Json(fields)));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.Json(fields, idempotencyKey: "ref-k2")));
        Assert.Equal(first, await AcceptedAsync(http, IntakeRequests.UrlEncoded(fields, idempotencyKey: "ref-k3")));
        foreach (var key in new[] { null, "ref-k4", "ref-k1" })
        {
            using var refused = await http.SendAsync(IntakeRequests.Json(other, idempotencyKey: key));
            await Problems.AssertAsync(refused, HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        }

        Assert.Equal(1, await CaseKit.CountCasesAsync(Workflows(app), "REF-1"));
        // The refused key was not used up: with a new reference it takes a new intake.
        var second = await AcceptedAsync(http, IntakeRequests.Json(other.With("partnerReference", "REF-2"), idempotencyKey: "ref-k4"));
        Assert.NotEqual(first, second);
    }

    [Fact(Timeout = Timeout)]
    public async Task Every_instant_of_every_answer_is_in_Europe_Berlin_time_with_its_offset()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var reference = await AcceptedAsync(http, IntakeRequests.Json(IntakeRequests.Full("TIME-1")));
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{reference}/assign", new { caseManagerId = CaseKit.Luedenscheid }));
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{reference}/transitions/start-clearing", null));
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{reference}/followups", new { dueAt = "2026-12-01T08:00:00Z", note = "Winter" }));
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{reference}/followups", new { dueAt = "2027-07-01T08:00:00+00:00", note = "Sommer" }));
        var (_, referralId) = await ReferredAsync(app, staff, reference);

        using var partner = app.Partner(DemoData.JobCentreKey);
        var answers = new[]
        {
            await CaseKit.OkAsync(await partner.GetAsync($"/api/intake/{reference}")),
            await CaseKit.OkAsync(await partner.GetAsync($"/api/referrals/{referralId}")),
            await CaseKit.GetCaseAsync(staff, reference),
            await CaseKit.OkAsync(await staff.GetAsync("/api/cases")),
            await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{reference}/timeline")),
            await CaseKit.OkAsync(await staff.GetAsync("/api/followups")),
            await CaseKit.OkAsync(await staff.GetAsync("/api/dev/mailbox")),
        };

        var instants = answers.SelectMany(Instants).ToList();
        Assert.Contains("2026-12-01T09:00:00+01:00", instants);
        Assert.Contains("2027-07-01T10:00:00+02:00", instants);
        Assert.Contains(instants, i => i.StartsWith("2026-11-02T08:00:00", StringComparison.Ordinal));
        Assert.All(instants, i => Assert.Equal(
            WorkingCalendar.Berlin.GetUtcOffset(DateTimeOffset.Parse(i, System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.Parse(i, System.Globalization.CultureInfo.InvariantCulture).Offset));
        var openApi = await CaseKit.OkAsync(await http.GetAsync("/openapi/v1.json"));
        var openedAt = openApi.GetProperty("components").GetProperty("schemas").GetProperty("CaseResponse").GetProperty("properties").GetProperty("openedAt");
        Assert.Equal("date-time", openedAt.GetProperty("format").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task The_Location_of_every_201_names_the_created_thing_itself()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.MonitoringAsync(staff);
        (string Collection, object Body, string IdProperty)[] creates =
        [
            ("contacts", new { at = "2026-11-02T09:00:00+01:00", channel = "phone", note = "Termin" }, "contactId"),
            ("barriers", new { category = "waiting-time", agency = "Ausländerbehörde", description = "4 Monate" }, "barrierId"),
            ("consents", new { recipient = "jobcenter-mk", purpose = "Vermittlung", categories = new[] { "identity" }, form = "written", validFrom = "2026-11-01" }, "consentId"),
            ("referrals", new { partnerId = "jobcenter-mk", purpose = "Sprachkurs" }, "referralId"),
            ("followups", new { dueAt = "2026-12-01", note = "Rückruf" }, "followUpId"),
            ("handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }, "handoverId"),
        ];
        foreach (var (collection, body, idProperty) in creates)
        {
            using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/{collection}", body);
            var id = await CaseKit.CreatedIdAsync(response);
            var location = response.Headers.Location?.OriginalString;
            Assert.Equal($"/api/cases/{caseId}/{collection}/{Uri.EscapeDataString(id)}", location);
            var item = await CaseKit.OkAsync(await staff.GetAsync(location));
            Assert.Equal(id, item.GetProperty(idProperty).GetString());
        }

        await Problems.AssertAsync(await staff.GetAsync($"/api/cases/{caseId}/referrals/r-9"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await app.Staff("cm-menden").GetAsync($"/api/cases/{caseId}/contacts/contact-1"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Equal("r-1", (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/referrals/r-1"))).GetProperty("referralId").GetString()![^3..]);
    }

    private static WorkflowClient Workflows(KimApp app) => app.Services.GetRequiredService<WorkflowClient>();

    private static async Task AssertDuplicateAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
            Assert.Equal([field], Problems.ErrorFields(problem));
        }
    }

    private static HttpRequestMessage Raw(HttpMethod method, string url, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }

    private static async Task<string> AcceptedAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("reference").GetString()!;
        }
    }

    /// <summary>A case (an accepted walk-in, unless given) with a referral to the job centre that the partner can read.</summary>
    private static async Task<(string CaseId, string ReferralId)> ReferredAsync(KimApp app, HttpClient staff, string? caseId = null)
    {
        caseId ??= await CaseKit.AcceptedAsync(staff);
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung",
            categories = new[] { "identity", "needs" },
            form = "written",
            validFrom = "2026-11-01",
        }));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerId = "jobcenter-mk", purpose = "Sprachkurs" }));
        using var partner = app.Partner(DemoData.JobCentreKey);
        await CaseKit.UntilAsync(async () =>
        {
            using var read = await partner.GetAsync($"/api/referrals/{referralId}");
            return read.StatusCode == HttpStatusCode.OK;
        });
        return (caseId, referralId);
    }

    /// <summary>The case and its timeline as the API shows them.</summary>
    private static async Task<string> SnapshotAsync(HttpClient staff, string caseId)
    {
        var state = await CaseKit.GetCaseAsync(staff, caseId);
        var timeline = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"));
        return state.GetRawText() + "\n" + timeline.GetProperty("items").GetArrayLength();
    }

    /// <summary>Every instant in an answer, outside the stored event data of timeline entries.</summary>
    private static IEnumerable<string> Instants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "data").SelectMany(p => Instants(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Instants),
        JsonValueKind.String when InstantPattern().IsMatch(element.GetString()!) => [element.GetString()!],
        _ => [],
    };

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d")]
    private static partial Regex InstantPattern();
}
