using System.Text.Json.Serialization;

namespace Kim.Api.Triggers;

/// <summary>
/// A custom handler's answer to a trigger invocation, in the names the Functions host reads.
/// https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers#response-payload
/// </summary>
public sealed record FunctionsInvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? ReturnValue)
{
    /// <summary>No outputs, no logs, no return value.</summary>
    public static FunctionsInvocationResult Empty { get; } = new(new Dictionary<string, object?>(), [], null);
}
