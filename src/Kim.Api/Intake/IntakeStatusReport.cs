using Kim.Core.Cases;

namespace Kim.Api.Intake;

/// <summary>What <c>GET /api/intake/{reference}</c> tells the partner that sent it: status and times, no personal data.</summary>
public sealed record IntakeStatusReport(string Reference, IntakeStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt);
