using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Api.Http;
using Kim.Api.Tests.Cases;
using Kim.Api.Tests.Reminders;
using Kim.Core.Mail;
using Kim.Core.Orchestrations;
using Kim.Core.Storage;
using Kim.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Tests.Administration;

/// <summary>
/// Deletion of cases (DOMAIN.md, "Data protection"): when retention ends, and at once on request
/// (Art. 17). Each test has an Azurite of its class and reads all of it afterwards: every table,
/// blob container and queue, the Durable task hub's included.
/// </summary>
public sealed class RetentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 240_000;

    [Fact(Timeout = Timeout)]
    public async Task After_retention_nothing_of_the_deleted_cases_is_left_in_the_account_but_statistics_and_a_held_case_is_whole()
    {
        var mails = new RecordingMailSender();
        await using var app = new KimApp(azurite, services: s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(mails)));
        var statisticsBefore = await StatisticsRowsAsync(azurite);
        var closed = await LivedCaseAsync(app, mails);
        var held = await LivedCaseAsync(app, mails);
        var declined = await DeclinedCaseAsync(app);
        using var admin = app.Staff("admin-mk");
        await Problems.AssertAsync(
            await admin.PostAsJsonAsync($"/api/admin/cases/{held.CaseId}/legal-hold", new { }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/cases/{held.CaseId}/legal-hold", new { reason = "Klageverfahren 1 K 234/26" })).StatusCode);
        Assert.Empty(await StorageScan.FindAsync(azurite.ConnectionString, [Guid.NewGuid().ToString("N")]));
        Assert.NotEmpty(await StorageScan.FindAsync(azurite.ConnectionString, closed.Needles));

        // Three years and a day later (Retention; DeclinedDeletion is 30 days): the clocks wake, the
        // purge timers fire, and the upkeep purges the ended instances within its next minutes.
        app.Clock.Advance(TimeSpan.FromDays((3 * 365) + 2));
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        foreach (var caseId in new[] { closed.CaseId, held.CaseId, declined.CaseId })
        {
            await durable.RaiseEventAsync(caseId, ClockCycle.WakeEvent);
        }

        using var staff = app.Staff(CaseKit.Luedenscheid);
        await UntilNothingLeftAsync(app, azurite, [.. closed.Needles, .. declined.Needles]);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/cases/{closed.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/cases/{declined.CaseId}")).StatusCode);
        var kept = await CaseKit.GetCaseAsync(staff, held.CaseId);
        Assert.True(kept.GetProperty("legalHold").GetBoolean());
        Assert.Equal(2, (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{held.CaseId}/documents"))).GetProperty("items").GetArrayLength());
        Assert.Single(kept.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("note").GetString()!.Contains(held.Tag, StringComparison.Ordinal));
        Assert.NotEmpty(await StorageScan.FindAsync(azurite.ConnectionString, [held.CaseId]));
        Assert.Equal(statisticsBefore + 3, await StatisticsRowsAsync(azurite));

        // Lifting the hold lets the deletion that was due happen.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/cases/{held.CaseId}/legal-hold")).StatusCode);
        await durable.RaiseEventAsync(held.CaseId, ClockCycle.WakeEvent);
        await UntilNothingLeftAsync(app, azurite, held.Needles);
        Assert.Equal(statisticsBefore + 3, await StatisticsRowsAsync(azurite));
    }

    [Fact(Timeout = Timeout)]
    public async Task An_administrator_deletes_an_ended_case_at_once_and_is_refused_while_it_is_open_or_held()
    {
        var mails = new RecordingMailSender();
        await using var app = new KimApp(azurite, services: s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(mails)));
        var erased = await LivedCaseAsync(app, mails);
        var held = await LivedCaseAsync(app, mails);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        using var admin = app.Staff("admin-mk");
        var open = await CaseKit.OpenAsync(staff);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/cases/{held.CaseId}/legal-hold", new { reason = "Auskunftsersuchen der Staatsanwaltschaft" })).StatusCode);

        var stillOpen = await Problems.AssertAsync(await admin.DeleteAsync($"/api/admin/cases/{open}"), HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        var onHold = await Problems.AssertAsync(await admin.DeleteAsync($"/api/admin/cases/{held.CaseId}"), HttpStatusCode.Conflict, ProblemTypes.Conflict);
        await Problems.AssertAsync(await admin.DeleteAsync("/api/admin/cases/c-doesnotexist0"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await staff.DeleteAsync($"/api/admin/cases/{erased.CaseId}"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        var deletionsBefore = await DeletionsAsync(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/cases/{erased.CaseId}")).StatusCode);

        Assert.Contains("close it first", stillOpen.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("legal-hold", onHold.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/cases/{erased.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{open}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{held.CaseId}")).StatusCode);

        // What is left once the upkeep has purged the ended instances: nothing that names the case.
        await UntilNothingLeftAsync(app, azurite, erased.Needles);

        // The deletion itself is in the district's audit chain, by whom and when, without the case id
        // (once: the other tests of this class delete cases of the same district too).
        var deletion = Assert.Single(await DeletionsAsync(admin), e => !deletionsBefore.Any(b => b.GetProperty("hash").GetString() == e.GetProperty("hash").GetString()));
        Assert.False(deletion.TryGetProperty("caseId", out var caseId) && caseId.ValueKind != JsonValueKind.Null);
        Assert.Equal("DELETE /api/admin/cases/{caseId}", deletion.GetProperty("route").GetString());
        var verified = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/audit/verify"));
        Assert.True(verified.GetProperty("intact").GetBoolean());
    }

    [Fact(Timeout = 2 * Timeout)]
    public async Task A_deleted_case_s_clocks_end_on_their_own_and_clocks_late_wake_ups_start_again_are_purged_too()
    {
        var mails = new RecordingMailSender();
        await using var app = new KimApp(azurite, services: s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(mails)));
        var erased = await LivedCaseAsync(app, mails);
        using var admin = app.Staff("admin-mk");
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var marks = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.InstancePurgesTable);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/cases/{erased.CaseId}")).StatusCode);

        // The deletion wakes the running case clock rather than terminating it (a termination is one
        // more message that can meet the purge): the clock reads its case, finds it gone and completes.
        await CaseKit.UntilAsync(async () => await durable.GetInstanceAsync(erased.CaseId) is { IsCompleted: true }, seconds: 120);
        var clock = await durable.GetInstanceAsync(erased.CaseId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, clock!.RuntimeStatus);
        Assert.Equal("\"gone\"", clock.SerializedOutput);

        // The sweeps (one per minute of the app's clock) purge the ended instances; the mark stays.
        await CaseKit.UntilAsync(async () =>
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            return !await durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = erased.CaseId }).AnyAsync();
        },
        seconds: 120);
        Assert.True((await marks.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(CaseInstancePurge.Partition, erased.CaseId)).HasValue);

        // A wake-up that raced the deletion starts the case clock again; it ends at once, and the
        // sweeps within the grace purge it too. Then nothing of the case is left, its mark included.
        var waker = app.Services.GetRequiredService<ClockWaker>();
        await waker.WakeAsync(new ClockAddress(erased.CaseId, nameof(CaseClockOrchestrator)), erased.CaseId, CancellationToken.None);
        // (A sweep still running from the last minute may purge it as soon as it has ended.)
        await CaseKit.UntilAsync(async () => await durable.GetInstanceAsync(erased.CaseId) is null or { IsCompleted: true }, seconds: 120);
        await UntilNothingLeftAsync(app, azurite, erased.Needles);
        Assert.Null(await durable.GetInstanceAsync(erased.CaseId));

        // A wake-up later still, after the mark has gone: the clock that finds its case gone marks it
        // again, and the sweeps purge that clock as well.
        await waker.WakeAsync(new ClockAddress(erased.CaseId, nameof(CaseClockOrchestrator)), erased.CaseId, CancellationToken.None);
        await CaseKit.UntilAsync(async () => await durable.GetInstanceAsync(erased.CaseId) is null or { IsCompleted: true }, seconds: 120);
        Assert.True((await marks.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(CaseInstancePurge.Partition, erased.CaseId)).HasValue);
        await UntilNothingLeftAsync(app, azurite, erased.Needles);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_live_case_is_not_marked_for_the_purge_by_a_clock_whose_referral_is_missing_and_a_stale_mark_of_it_goes_after_an_hour()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var marks = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.InstancePurgesTable);

        // A wake-up from a commit that planned a referral and then failed: its clock finds no record and ends.
        var referral = $"{caseId}:r-9";
        await app.Services.GetRequiredService<ClockWaker>().WakeAsync(new ClockAddress(referral, nameof(ReferralOrchestrator)), referral, CancellationToken.None);
        await CaseKit.UntilAsync(async () => await durable.GetInstanceAsync(referral) is { IsCompleted: true }, seconds: 120);
        Assert.False((await marks.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(CaseInstancePurge.Partition, caseId)).HasValue);

        // A deletion that stopped after marking keeps the mark for an hour, then the sweep drops it.
        await app.Services.GetRequiredService<CaseInstancePurge>().MarkAsync(caseId, CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.Services.GetRequiredService<CaseInstancePurge>().SweepAsync(CancellationToken.None);
        Assert.True((await marks.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(CaseInstancePurge.Partition, caseId)).HasValue);
        app.Clock.Advance(CaseInstancePurge.LiveCaseMarkLifetime);
        await app.Services.GetRequiredService<CaseInstancePurge>().SweepAsync(CancellationToken.None);
        Assert.False((await marks.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(CaseInstancePurge.Partition, caseId)).HasValue);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{caseId}")).StatusCode);
    }

    /// <summary>A case as it lives: an intake with a document, a plan, a consent, a referral announced by mail, a follow-up, a handover, a contact note, an upload; then closed.</summary>
    private static async Task<LivedCase> LivedCaseAsync(KimApp app, RecordingMailSender mails)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var reference = $"RET-{tag}";
        var familyName = $"Zorn{tag}";
        using var partner = app.Anonymous();
        var intake = IntakeRequests.Multipart(
            IntakeRequests.Minimal(reference).With("client.familyName", familyName).With("consentToCaseProcessing", "true"),
            [("antrag.pdf", "application/pdf", IntakeRequests.Pdf)]);
        var caseId = (await CaseKit.OkAsync(await partner.SendAsync(intake), HttpStatusCode.Accepted)).GetProperty("reference").GetString()!;
        using var staff = app.Staff(CaseKit.Luedenscheid);
        await CaseKit.ReadyForCaritasAsync(staff, caseId);
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }));
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/followups", new { dueAt = "2026-11-20T09:00:00+01:00", note = $"Rückruf {tag}" }));
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }));
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/contacts", new { at = "2026-11-02T09:00:00+01:00", channel = "phone", note = $"Termin vereinbart {tag}" }));
        var file = new ByteArrayContent(IntakeRequests.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await CaseKit.CreatedIdAsync(await staff.PostAsync($"/api/cases/{caseId}/documents", new MultipartFormDataContent { { file, "file", "bescheid.pdf" } }));
        await CaseKit.UntilAsync(() => Task.FromResult(mails.Sent.Any(m => m.Subject.Contains(referralId, StringComparison.Ordinal) || m.Text.Contains(referralId, StringComparison.Ordinal))));
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/close", new { reason = "goals-met" }));
        return new LivedCase(caseId, tag, [caseId, familyName, reference, tag]);
    }

    /// <summary>An intake declined in clearing: deleted after DeclinedDeletion (30 days), sooner than a closed case.</summary>
    private static async Task<LivedCase> DeclinedCaseAsync(KimApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        using var partner = app.Anonymous();
        var intake = IntakeRequests.Json(IntakeRequests.Minimal($"RET-{tag}").With("client.familyName", $"Zorn{tag}").With("consentToCaseProcessing", "true"));
        var caseId = (await CaseKit.OkAsync(await partner.SendAsync(intake), HttpStatusCode.Accepted)).GetProperty("reference").GetString()!;
        using var staff = app.Staff(CaseKit.Luedenscheid);
        await CaseKit.UntilAsync(async () => (await staff.GetAsync($"/api/cases/{caseId}")).StatusCode == HttpStatusCode.OK);
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null));
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/decline", new { reason = $"Regeldienst genügt {tag}" }));
        return new LivedCase(caseId, tag, [caseId, $"Zorn{tag}", $"RET-{tag}", tag]);
    }

    /// <summary>
    /// Advances the app's clock a minute at a time, so that the clocks and the upkeep run, until no
    /// table, blob container or queue of the account holds any of <paramref name="needles"/>.
    /// </summary>
    /// <exception cref="TimeoutException">Something is still there after 120 s; the message says what.</exception>
    private static async Task UntilNothingLeftAsync(KimApp app, AzuriteFixture azurite, IReadOnlyList<string> needles)
    {
        var left = new List<string>();
        await CaseKit.UntilAsync(
            async () =>
            {
                app.Clock.Advance(TimeSpan.FromMinutes(1));
                left = [.. await StorageScan.FindAsync(azurite.ConnectionString, needles)];
                return left.Count == 0;
            },
            seconds: 120,
            state: () => "Still in the account: " + string.Join("; ", left));
    }

    /// <summary>The deletions in the district's audit chain, by the administrator <c>admin-mk</c>.</summary>
    private static async Task<List<JsonElement>> DeletionsAsync(HttpClient admin)
    {
        var audit = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/audit?actor=admin-mk&pageSize=1000"));
        return [.. audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "delete")];
    }

    /// <summary>The statistics rows in the account: one per case the class's tests opened, deleted or not.</summary>
    private static async Task<int> StatisticsRowsAsync(AzuriteFixture azurite)
    {
        var rows = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.CaseStatisticsTable);
        return await rows.QueryAsync<Azure.Data.Tables.TableEntity>().CountAsync();
    }

    /// <summary>A case and the strings only it contains: its id, the client's family name, the partner reference, the tag in its free texts.</summary>
    private sealed record LivedCase(string CaseId, string Tag, IReadOnlyList<string> Needles);
}
