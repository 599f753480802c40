namespace Kim.Core.Mail;

/// <summary>What one case manager's digest lists.</summary>
public sealed record DigestBatch(CaseManagerContact Recipient, IReadOnlyList<DueItem> Items);
