using System.Text.Json;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Api.Cases;

/// <summary>
/// <c>purge-case</c>: the deletion of a case whose retention ended (or whose deletion an
/// administrator requested and did not finish), through <see cref="CaseDeletion"/>.
/// </summary>
public sealed class PurgeCaseAction(CaseDeletion deletion) : IActionHandler
{
    public string Name => ActionNames.PurgeCase;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = request.Input is { } input ? Payload.Read<CaseReference>(input) : new CaseReference(request.InstanceId, string.Empty);
        var (instances, documents) = await deletion.DeleteAsync(InstanceIds.RootOf(reference.CaseId), Actors.System, string.Empty, cancellationToken);
        return KimJson.ToElement(new { instances, documents });
    }
}
