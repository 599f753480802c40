using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record BarrierResponse(string BarrierId, BarrierCategory Category, string Agency, string Description, DateTimeOffset RecordedAt, string RecordedBy);
