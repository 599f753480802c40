using System.Net;
using System.Net.Http.Json;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Core.Input;

namespace Kim.Api.Tests.Intake;

public sealed class IntakeApiTests : IClassFixture<IntakeHostFixture>
{
    private const int Timeout = 30_000;
    private readonly KimApiHost _host;

    public IntakeApiTests(IntakeHostFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    private HttpClient Client => _host.Client;

    [Fact(Timeout = Timeout)]
    public async Task The_same_intake_as_JSON_URL_encoded_and_multipart_is_one_intake()
    {
        var fields = IntakeRequests.Full("SAME-1");

        var json = await AcceptedAsync(IntakeRequests.Json(fields));
        var form = await AcceptedAsync(IntakeRequests.UrlEncoded(fields));
        var multipart = await AcceptedAsync(IntakeRequests.Multipart(fields));

        Assert.Equal(json.Reference, form.Reference);
        Assert.Equal(json.Reference, multipart.Reference);
        Assert.Equal($"/api/intake/{json.Reference}", json.StatusUrl);
        var stored = Assert.Single(_host.Sink.Intakes, i => i.Reference == json.Reference);
        Assert.Equal(["ar", "de"], stored.Intake.Client!.Languages);
        Assert.Equal(["language", "work"], stored.Intake.Needs!.LifeDomains);
        Assert.Equal(["AsylbLG"], stored.Intake.Client.LegalDomains);
        Assert.True(stored.Intake.ConsentToCaseProcessing);
    }

    [Fact(Timeout = Timeout)]
    public async Task Each_content_type_is_accepted_on_its_own()
    {
        await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("OWN-JSON")));
        await AcceptedAsync(IntakeRequests.UrlEncoded(IntakeRequests.Full("OWN-FORM")));
        await AcceptedAsync(IntakeRequests.Multipart(IntakeRequests.Full("OWN-MULTI")));

        Assert.Equal(3, _host.Sink.Intakes.Count(i => i.Intake.PartnerReference!.StartsWith("OWN-", StringComparison.Ordinal)));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_PDF_and_a_PNG_are_accepted_and_typed_by_content()
    {
        var accepted = await AcceptedAsync(IntakeRequests.Multipart(IntakeRequests.Full("FILES-1"),
            [("bescheid.pdf", "application/octet-stream", IntakeRequests.Pdf), ("pass.png", "image/png", IntakeRequests.Png)]));

        var stored = Assert.Single(_host.Sink.Intakes, i => i.Reference == accepted.Reference);
        Assert.Equal([DetectedFileType.Pdf, DetectedFileType.Png], stored.Documents.Select(d => d.Type).Order());
        Assert.Contains(stored.Documents, d => d.FileName == "bescheid.pdf");
    }

    [Fact(Timeout = Timeout)]
    public async Task The_same_files_posted_twice_are_one_intake()
    {
        (string, string, byte[])[] files = [("a.pdf", "application/pdf", IntakeRequests.Pdf), ("b.png", "image/png", IntakeRequests.Png)];
        var first = await AcceptedAsync(IntakeRequests.Multipart(IntakeRequests.Full("FILES-2"), files));
        var count = _host.Sink.Intakes.Count;

        var second = await AcceptedAsync(IntakeRequests.Multipart(IntakeRequests.Full("FILES-2"), files.Reverse()));

        Assert.Equal(first, second);
        Assert.Equal(count, _host.Sink.Intakes.Count);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("exe")]
    [InlineData("zip")]
    public async Task A_file_declared_as_PDF_that_is_not_one_is_422_naming_the_file(string kind)
    {
        var bytes = kind == "exe" ? IntakeRequests.Exe : IntakeRequests.Zip;

        using var response = await Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("BAD-FILE-" + kind),
            [("ok.pdf", "application/pdf", IntakeRequests.Pdf), ("rechnung.pdf", "application/pdf", bytes)]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["documents"], Problems.ErrorFields(problem));
        Assert.Contains("rechnung.pdf", Problems.ErrorsText(problem), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_file_part_under_another_name_is_422()
    {
        using var response = await Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("BAD-PART"),
            [("a.pdf", "application/pdf", IntakeRequests.Pdf)], fileField: "attachment"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["attachment"], Problems.ErrorFields(problem));
    }

    [Theory(Timeout = Timeout)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Another_content_type_is_415(string? contentType)
    {
        using var response = await Client.SendAsync(IntakeRequests.Raw("partnerReference=X", contentType));

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
    }

    [Fact(Timeout = Timeout)]
    public async Task Missing_required_fields_are_422_listing_them()
    {
        using var response = await Client.SendAsync(IntakeRequests.Json([new("urgency", "urgent")]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(
            ["client.dateOfBirth", "client.familyName", "client.givenName", "municipality", "partnerReference"],
            Problems.ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task Values_outside_the_closed_lists_and_the_district_are_422()
    {
        var fields = IntakeRequests.Full("ENUMS-1")
            .With("municipality", "dortmund")
            .With("client.residenceStatus", "tourist")
            .With("urgency", "whenever")
            .With("client.dateOfBirth", "2999-01-01")
            .With("client.email", "not-an-address");

        using var response = await Client.SendAsync(IntakeRequests.UrlEncoded(fields));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(
            ["client.dateOfBirth", "client.email", "client.residenceStatus", "municipality", "urgency"],
            Problems.ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task Needs_text_without_consent_to_case_processing_is_422_with_the_reason()
    {
        var fields = IntakeRequests.Minimal("CONSENT-1").With("needs.text", "Braucht Hilfe bei der Wohnungssuche.");

        using var response = await Client.SendAsync(IntakeRequests.Json(fields));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["needs.text"], Problems.ErrorFields(problem));
        Assert.Contains("consent to case processing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Documents_without_consent_to_case_processing_are_422()
    {
        using var response = await Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Minimal("CONSENT-2"),
            [("a.pdf", "application/pdf", IntakeRequests.Pdf)]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["documents"], Problems.ErrorFields(problem));
    }

    [Fact(Timeout = Timeout)]
    public async Task Identity_data_without_consent_to_case_processing_is_accepted()
    {
        var fields = IntakeRequests.Minimal("CONSENT-3")
            .With("client.phone", "0176 1234567")
            .With("partnerContact.name", "Herr Beispiel")
            .With("consentToCaseProcessing", "false");

        var accepted = await AcceptedAsync(IntakeRequests.Json(fields));

        var stored = Assert.Single(_host.Sink.Intakes, i => i.Reference == accepted.Reference);
        Assert.False(stored.Intake.ConsentToCaseProcessing);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_repeat_with_the_same_key_and_content_gets_the_first_answer_and_creates_nothing()
    {
        var first = await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("REPEAT-1"), idempotencyKey: "key-repeat-1"));
        var count = _host.Sink.Intakes.Count;

        var second = await AcceptedAsync(IntakeRequests.UrlEncoded(IntakeRequests.Full("REPEAT-1"), idempotencyKey: "key-repeat-1"));

        Assert.Equal(first, second);
        Assert.Equal(count, _host.Sink.Intakes.Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_same_key_with_other_content_is_422_idempotency_key_reused()
    {
        await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("REUSE-1"), idempotencyKey: "key-reuse-1"));
        var count = _host.Sink.Intakes.Count;

        using var response = await Client.SendAsync(
            IntakeRequests.Json(IntakeRequests.Full("REUSE-1").With("client.givenName", "Omar"), idempotencyKey: "key-reuse-1"));

        await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        Assert.Equal(count, _host.Sink.Intakes.Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task Without_a_key_the_partner_reference_is_the_key()
    {
        await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("REUSE-2")));

        using var response = await Client.SendAsync(IntakeRequests.Json(IntakeRequests.Full("REUSE-2").With("urgency", "urgent")));

        await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
    }

    [Fact(Timeout = Timeout)]
    public async Task Keys_are_per_partner()
    {
        var jobCentre = await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("SHARED-REF")));
        var caritas = await AcceptedAsync(IntakeRequests.Json(IntakeRequests.Full("SHARED-REF").With("urgency", "urgent"),
            apiKey: Kim.Api.Access.DemoData.CaritasKey));

        Assert.NotEqual(jobCentre.Reference, caritas.Reference);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("{\"partnerReference\": ")]
    [InlineData("{\"partnerReference\": \"X\",}")]
    [InlineData("not json at all")]
    public async Task Malformed_JSON_is_400(string body)
    {
        using var response = await Client.SendAsync(IntakeRequests.Raw(body, "application/json"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("\"12.04.1990\"", "client.dateOfBirth")]
    [InlineData("42", "client.dateOfBirth")]
    public async Task A_value_of_the_wrong_type_is_422_for_that_field(string value, string field)
    {
        var body = $$$"""{"partnerReference":"TYPE-1","municipality":"luedenscheid","client":{"givenName":"A","familyName":"B","dateOfBirth":{{{value}}}}}""";

        using var response = await Client.SendAsync(IntakeRequests.Raw(body, "application/json"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal([field], Problems.ErrorFields(problem));
    }

    [Theory(Timeout = Timeout)]
    [InlineData("[]")]
    [InlineData("\"intake\"")]
    public async Task A_JSON_body_that_is_not_an_object_is_422(string body)
    {
        using var response = await Client.SendAsync(IntakeRequests.Raw(body, "application/json"));

        await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_JSON_body_over_its_limit_is_413()
    {
        var fields = IntakeRequests.Full("HUGE-1").With("needs.text", new string('x', (int)KimLimits.JsonBodyBytes));

        using var response = await Client.SendAsync(IntakeRequests.Json(fields));

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_form_boolean_accepts_the_checkbox_value_and_refuses_others()
    {
        var accepted = await AcceptedAsync(IntakeRequests.UrlEncoded(IntakeRequests.Full("CHECKBOX-1").With("consentToCaseProcessing", "on")));
        using var response = await Client.SendAsync(IntakeRequests.UrlEncoded(IntakeRequests.Full("CHECKBOX-2").With("consentToCaseProcessing", "ja")));

        Assert.True(Assert.Single(_host.Sink.Intakes, i => i.Reference == accepted.Reference).Intake.ConsentToCaseProcessing);
        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["consentToCaseProcessing"], Problems.ErrorFields(problem));
    }

    private async Task<IntakeAccepted> AcceptedAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
            var accepted = await response.Content.ReadFromJsonAsync<IntakeAccepted>();
            Assert.NotNull(accepted);
            Assert.Equal(accepted.StatusUrl, response.Headers.Location?.OriginalString);
            return accepted;
        }
    }
}
