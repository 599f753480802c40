using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Kim.Functions.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> a Kim.Core activity expects, for an activity function:
/// its name and the instance id of the orchestration that called it (binding data of the trigger).
/// </summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;

    /// <summary>The context of the activity <paramref name="context"/> runs.</summary>
    public static FunctionActivityContext Of(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() : null;
        return new FunctionActivityContext(context.FunctionDefinition.Name, instanceId ?? string.Empty);
    }
}
