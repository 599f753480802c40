namespace Kim.Core.Cases;

/// <summary>A dated task for a case manager (Wiedervorlage); its owner is who created it.</summary>
public sealed record FollowUp(
    string FollowUpId,
    DateTimeOffset DueAt,
    string Note,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DoneAt = null,
    string? DoneBy = null);
