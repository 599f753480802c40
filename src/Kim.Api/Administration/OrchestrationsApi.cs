using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Kim.Api.Administration;

/// <summary>
/// The administrator's view of the orchestrations of their district's cases (API.md,
/// "Administration and reporting"; docs/orchestrations.md): list the failed (or otherwise
/// filtered) instances and restart one from its record.
/// </summary>
public static class OrchestrationsApi
{
    /// <summary>At most this many instances are listed per request (the newest Durable returns first).</summary>
    public const int PageSize = 100;

    private static readonly Dictionary<string, OrchestrationRuntimeStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["failed"] = OrchestrationRuntimeStatus.Failed,
        ["running"] = OrchestrationRuntimeStatus.Running,
        ["pending"] = OrchestrationRuntimeStatus.Pending,
        ["terminated"] = OrchestrationRuntimeStatus.Terminated,
        ["completed"] = OrchestrationRuntimeStatus.Completed,
        ["suspended"] = OrchestrationRuntimeStatus.Suspended,
    };

    /// <summary>Maps <c>GET /api/admin/orchestrations</c> and <c>POST /api/admin/orchestrations/{instanceId}/restart</c>.</summary>
    public static IEndpointRouteBuilder MapKimOrchestrations(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapKimStaffGroup("/api/admin/orchestrations", KimPolicies.Administrator).WithTags("Administration");
        admin.MapGet(string.Empty, ListAsync)
            .WithName("ListOrchestrations")
            .WithSummary("Orchestration instances of the district's cases with status (default failed; also running, pending, terminated, completed, suspended): ids, name, status, last update, failure message")
            .Produces<ListResponse<OrchestrationResponse>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        admin.MapPost("/{instanceId}/restart", RestartAsync)
            .WithName("RestartOrchestration")
            .WithSummary("Restart a failed or terminated instance from its record (its timers and waits are derived again); clears the case's needs-attention flag")
            .Produces<OrchestrationResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, [FromServices] DurableTaskClient durable, [FromServices] WorkflowClient records, [FromServices] IAccessDirectory directory, string? status, CancellationToken cancellationToken)
    {
        if (!Statuses.TryGetValue(status ?? "failed", out var wanted))
        {
            return KimProblems.Create(ProblemTypes.BadRequest, StatusCodes.Status400BadRequest,
                $"status must be one of {string.Join(", ", Statuses.Keys)}.").ToResult();
        }

        var district = context.GetStaffMember().District;
        var items = new List<OrchestrationResponse>();
        var query = new OrchestrationQuery { Statuses = [wanted], FetchInputsAndOutputs = false, PageSize = PageSize };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (await DistrictOfAsync(instance.InstanceId, records, directory, cancellationToken) == district)
            {
                items.Add(Response(instance));
            }

            if (items.Count == PageSize)
            {
                break;
            }
        }

        return TypedResults.Ok(new ListResponse<OrchestrationResponse>(items, null));
    }

    private static async Task<IResult> RestartAsync(
        string instanceId, HttpContext context, [FromServices] DurableTaskClient durable, [FromServices] ClockWaker waker, [FromServices] WorkflowClient records, [FromServices] IAccessDirectory directory, CancellationToken cancellationToken)
    {
        // Another district's instance answers exactly like one that does not exist.
        var instance = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null || await DistrictOfAsync(instanceId, records, directory, cancellationToken) != context.GetStaffMember().District)
        {
            return KimProblems.NotFound($"No orchestration {instanceId}.").ToResult();
        }

        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return KimProblems.Conflict($"The orchestration is {Status(instance.RuntimeStatus)}; only failed or terminated ones are restarted.").ToResult();
        }

        var recordId = ClockOwnership.RecordOf(instanceId);
        await waker.WakeAsync(new ClockAddress(instanceId, instance.Name), recordId, cancellationToken);
        await records.ClearAttentionAsync(recordId, context.GetStaffMember().Id, cancellationToken);
        var restarted = await durable.GetInstanceAsync(instanceId, cancellationToken) ?? instance;
        return TypedResults.Accepted((string?)null, Response(restarted));
    }


    private static async Task<string?> DistrictOfAsync(string instanceId, WorkflowClient records, IAccessDirectory directory, CancellationToken cancellationToken) =>
        InstanceIds.IsValid(instanceId) &&
        await records.GetAsync(InstanceIds.RootOf(instanceId), cancellationToken) is { } record &&
        record.StateAs<CaseWorkflowState>() is { } state
            ? await directory.DistrictOfCaseAsync(state, cancellationToken)
            : null;

    private static OrchestrationResponse Response(OrchestrationMetadata instance) => new(
        instance.InstanceId,
        InstanceIds.RootOf(instance.InstanceId),
        instance.Name,
        Status(instance.RuntimeStatus),
        instance.LastUpdatedAt,
        instance.FailureDetails?.ErrorMessage);

    private static string Status(OrchestrationRuntimeStatus status) => status.ToString().ToLowerInvariant();
}
