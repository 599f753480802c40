using Kim.Core.Cases;

namespace Kim.Functions.Cases;

public sealed record BarrierResponse(string BarrierId, BarrierCategory Category, string Agency, string Description, DateTimeOffset RecordedAt, string RecordedBy);
