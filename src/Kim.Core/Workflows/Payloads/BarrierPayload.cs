using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary><c>record-barrier</c>: <c>{ "category", "agency", "description" }</c>.</summary>
public sealed record BarrierPayload(BarrierCategory Category, string Agency, string Description);
