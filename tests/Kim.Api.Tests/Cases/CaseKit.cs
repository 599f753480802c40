using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Cases;

/// <summary>Steps the case tests share: open a case, post JSON, read JSON, pump queued work until a condition holds.</summary>
internal static class CaseKit
{
    public const string Luedenscheid = "cm-luedenscheid";

    public static object Client(string givenName = "Amira") => new
    {
        givenName,
        familyName = "Haddad",
        dateOfBirth = "1990-04-12",
        languages = new[] { "ar", "de" },
        residenceStatus = "recognised-refugee",
        legalDomains = new[] { "AsylbLG" },
    };

    public static async Task<string> OpenAsync(HttpClient staff, bool consent = true)
    {
        using var response = await staff.PostAsJsonAsync("/api/cases", new
        {
            client = Client(),
            needs = new { lifeDomains = new[] { "language", "work" }, text = "Sprachkurs und Arbeit" },
            consentToCaseProcessing = consent,
            urgency = "normal",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Open, clear and accept: a case in Assessment.</summary>
    public static async Task<string> AcceptedAsync(HttpClient staff)
    {
        var caseId = await OpenAsync(staff);
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null));
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/accept", null));
        return caseId;
    }

    /// <summary>A case in Monitoring, with an agreed plan.</summary>
    public static async Task<string> MonitoringAsync(HttpClient staff)
    {
        var caseId = await AcceptedAsync(staff);
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/complete-assessment", null));
        await OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/agree-plan", new { goals = new[] { "B1 German course" } }));
        return caseId;
    }

    /// <summary>
    /// The case an intake became, once it is there, worked to an agreed plan with a consent for
    /// Caritas Lüdenscheid (identity, needs): ready for a referral to it.
    /// </summary>
    public static async Task ReadyForCaritasAsync(HttpClient staff, string caseId)
    {
        await UntilAsync(async () => (await staff.GetAsync($"/api/cases/{caseId}")).StatusCode == HttpStatusCode.OK);
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null));
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/accept", null));
        await OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/complete-assessment", null));
        await OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/agree-plan", new { goals = new[] { "Sprachkurs B1" } }));
        await CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "caritas-luedenscheid",
            purpose = "Beratung",
            categories = new[] { "identity", "needs" },
            form = "written",
            validFrom = "2026-11-02",
        }));
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    public static async Task<string> CreatedIdAsync(HttpResponseMessage response) =>
        (await OkAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    public static async Task<JsonElement> GetCaseAsync(HttpClient staff, string caseId) =>
        await OkAsync(await staff.GetAsync($"/api/cases/{caseId}"));

    /// <summary>How many cases were opened from intakes with <paramref name="partnerReference"/>.</summary>
    public static async Task<int> CountCasesAsync(WorkflowClient workflows, string partnerReference)
    {
        var count = 0;
        string? next = null;
        do
        {
            var page = await workflows.ListByWorkflowAsync(CaseWorkflow.WorkflowName, next);
            count += page.Instances.Count(i => i.StateAs<CaseWorkflowState>()?.Source.PartnerReference == partnerReference);
            next = page.ContinueAfter;
        }
        while (next is not null);
        return count;
    }

    /// <summary>
    /// Waits until <paramref name="done"/> holds: what the orchestrations do (notices, timers) runs
    /// in the background. Polls; fails after <paramref name="seconds"/>.
    /// </summary>
    /// <param name="done">The condition, read again every 50 ms.</param>
    /// <param name="seconds">How long to wait.</param>
    /// <param name="state">What is still missing, for the failure message (a timeout alone says nothing).</param>
    /// <exception cref="TimeoutException">The condition did not hold in time; the message carries <paramref name="state"/>.</exception>
    public static async Task UntilAsync(Func<Task<bool>> done, int seconds = 20, Func<string>? state = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Not done within {seconds} s. {state?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }
}
