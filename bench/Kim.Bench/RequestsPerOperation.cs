using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Core.Storage;
using Kim.Testing;

namespace Kim.Bench;

/// <summary>
/// Storage requests per intake, per case-manager command and per timer firing, through the real
/// Standalone app (HTTP on Kestrel, records, waker, Durable worker and task hub on Azurite) at the
/// tester's MaxQueuePollingInterval (1 s), against one bare table insert (one request) in the same run.
/// Each figure counts from the first request until the traffic is back to idle, minus the idle rate
/// measured before over the same time; "while the requests ran" stops counting at the last response.
/// </summary>
public static class RequestsPerOperation
{
    public static async Task RunAsync(AzuriteFixture azurite, int operations)
    {
        Report.Header($"Storage requests per operation (Standalone app, Kim's clients + the task hub's, {operations} each, polling 1 s)");
        var account = StorageAccount.Parse(azurite.ConnectionString);
        await account.CreateTableServiceClient().CreateTableIfNotExistsAsync("benchbaseline");
        using var raw = new RawTableInsert(azurite.TableEndpoint, AzuriteFixture.AccountName, AzuriteFixture.AccountKey, "benchbaseline");
        var baseline = await Measurement.RunAsync("bare table insert (one HTTP request)", operations, i => raw.InsertAsync("p", "r" + i.ToString(CultureInfo.InvariantCulture)));
        Report.Figure(baseline.Name, "1.0 requests/op", "baseline");

        await using var app = new BenchApp(azurite, BenchApp.NewTaskHubName(), TimeSpan.FromSeconds(1));
        using var partner = app.Partner();
        using var staff = app.Staff();
        await Task.Delay(TimeSpan.FromSeconds(15)); // start-up: provisioning, leases, the first sweep
        var idle = await Traffic.MeasureAsync(app.Requests, TimeSpan.FromSeconds(15));
        Report.Figure("  idle traffic of the app (subtracted below)", string.Create(CultureInfo.InvariantCulture, $"{idle.Total:0.0} requests/s"), string.Create(CultureInfo.InvariantCulture, $"Kim {idle.Kim:0.0}, task hub {idle.TaskHub:0.0}"));

        var run = Guid.NewGuid().ToString("N")[..6];
        await MeasureAsync(app, idle, "intake (POST /api/intake, case clock started)", operations, async i =>
            await Expect(await partner.PostAsJsonAsync("/api/intake", new
            {
                partnerReference = $"bench-{run}-{i}",
                municipality = "luedenscheid",
                client = new { givenName = "Bench", familyName = "Mark", dateOfBirth = "1990-04-12" },
                consentToCaseProcessing = true,
                urgency = "normal",
            })));

        var cases = new List<string>();
        for (var i = 0; i < operations; i++)
        {
            var opened = await Expect(await staff.PostAsJsonAsync("/api/cases", new
            {
                client = new { givenName = "Bench", familyName = "Mark", dateOfBirth = "1990-04-12" },
                consentToCaseProcessing = true,
                urgency = "normal",
            }));
            var caseId = opened.GetProperty("id").GetString()!;
            await Expect(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null));
            cases.Add(caseId);
        }

        await Traffic.UntilQuietAsync(app.Requests, idle, TimeSpan.FromMinutes(5));
        await MeasureAsync(app, idle, "record a contact (case manager, moves a timer)", operations, async i =>
            await Expect(await staff.PostAsJsonAsync($"/api/cases/{cases[i]}/contacts", new
            {
                at = Instant(DateTimeOffset.UtcNow.AddMinutes(-1)),
                channel = "phone",
                note = "Termin vereinbart",
            })));

        // Follow-ups due together shortly after they were added: the firing is measured from the due
        // instant (the timer's wake) until the traffic has settled after the notices.
        var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20) + (operations * TimeSpan.FromMilliseconds(150));
        await MeasureAsync(app, idle, "add a follow-up (case manager, starts an orchestration)", operations, async i =>
            await Expect(await staff.PostAsJsonAsync($"/api/cases/{cases[i]}/followups", new { dueAt = Instant(due), note = "Rückruf" })));
        var wait = due - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await MeasureAsync(app, idle, "timer firing (a follow-up due: wake to notice)", operations, _ => Task.CompletedTask);
        var late = 0;
        foreach (var caseId in cases)
        {
            var history = await app.Workflows.GetHistoryAsync(caseId, pageSize: 1000);
            late += history.Entries.Any(e => e.EventId.StartsWith("timer.followup:f-1.", StringComparison.Ordinal)) ? 0 : 1;
        }

        Report.Figure("  follow-ups not fired when the traffic settled", late.ToString(CultureInfo.InvariantCulture), "expected 0");
    }

    private static async Task<string> MeasureAsync(BenchApp app, Traffic.Rate idle, string name, int operations, Func<int, Task> operation)
    {
        var start = app.Requests.Take();
        for (var i = 0; i < operations; i++)
        {
            await operation(i);
        }

        var requested = app.Requests.Take();
        await Traffic.UntilQuietAsync(app.Requests, idle, TimeSpan.FromMinutes(5));
        var settled = app.Requests.Take();
        double PerOperation(long count, double rate, DateTimeOffset until) =>
            Math.Max(0, count - (rate * (until - start.At).TotalSeconds)) / operations;
        var inRequest = PerOperation(requested.Total - start.Total, idle.Total, requested.At);
        var kim = PerOperation(settled.Kim - start.Kim, idle.Kim, settled.At);
        var hub = PerOperation(settled.TaskHub - start.TaskHub, idle.TaskHub, settled.At);
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"{kim + hub:0.0}x baseline; Kim {kim:0.0} + task hub {hub:0.0}; {inRequest:0.0} while the requests ran; settled after {(settled.At - start.At).TotalSeconds:0} s");
        Report.Figure(name, string.Create(CultureInfo.InvariantCulture, $"{kim + hub:0.0} requests/op"), note);
        return note;
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
