namespace Kim.Core.Mail;

/// <summary>The batches per recipient, and the items nobody could receive (a municipality without case managers).</summary>
public sealed record DigestRoutingResult(IReadOnlyList<DigestBatch> Batches, IReadOnlyList<RoutableDueItem> Unroutable);
