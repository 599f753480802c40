namespace Kim.Core.Cases;

/// <summary>An integration barrier case work brought to light, for the steering group (anonymous in reports).</summary>
/// <param name="Agency">The office or organisation where it arose, e.g. <c>immigration-office</c>.</param>
public sealed record Barrier(
    string BarrierId,
    BarrierCategory Category,
    string Agency,
    string Description,
    DateTimeOffset RecordedAt,
    string RecordedBy);
