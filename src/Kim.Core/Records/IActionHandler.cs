using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// Carries out one kind of <see cref="RunAction"/> (by <see cref="Name"/>): the only place where a
/// workflow's side effects happen. Runs at least once; use <see cref="ActionRequest.IdempotencyKey"/>
/// so that a repeat does no second harm.
/// </summary>
public interface IActionHandler
{
    string Name { get; }

    /// <summary>Returns the result that comes back to the instance as <see cref="ActionCompleted"/>; throws to fail this attempt.</summary>
    Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken);
}

public sealed record ActionRequest(
    string InstanceId,
    string Workflow,
    string ActionId,
    string IdempotencyKey,
    JsonElement? Input,
    int Attempt);
