using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Api.Tests.Cases;
using Kim.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Administration;

/// <summary>
/// The administrator's orchestration routes on the real Standalone host and its Azure Storage task
/// hub in Azurite: a case's clock runs under the case's id; one that stopped is listed for the
/// district's administrator only and restarted from the record.
/// </summary>
public sealed class OrchestrationsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 120_000)]
    public async Task A_stopped_case_clock_is_listed_for_the_administrator_and_restarted_from_its_record()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        using var admin = app.Staff("admin-mk");
        var caseId = await CaseKit.OpenAsync(staff);
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        await CaseKit.UntilAsync(async () => (await durable.GetInstanceAsync(caseId))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        using var running = await admin.PostAsync($"/api/admin/orchestrations/{caseId}/restart", null);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);

        await durable.TerminateInstanceAsync(caseId, "test");
        await durable.WaitForInstanceCompletionAsync(caseId);
        var listed = await CaseKit.OkAsync(await admin.GetAsync("/api/admin/orchestrations?status=terminated"));
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("instanceId").GetString() == caseId);
        Assert.Equal(("CaseClockOrchestrator", "terminated", caseId), (item.GetProperty("orchestration").GetString(), item.GetProperty("status").GetString(), item.GetProperty("caseId").GetString()));
        Assert.Empty((await CaseKit.OkAsync(await admin.GetAsync("/api/admin/orchestrations"))).GetProperty("items").EnumerateArray());

        using var restarted = await admin.PostAsync($"/api/admin/orchestrations/{caseId}/restart", null);
        Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        await CaseKit.UntilAsync(async () => (await durable.GetInstanceAsync(caseId))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        using var unknown = await admin.PostAsync("/api/admin/orchestrations/c-nothing/restart", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badStatus = await admin.GetAsync("/api/admin/orchestrations?status=broken");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }
}
