namespace Kim.Core.Mail;

/// <summary>
/// A missed hard deadline of a handover, for the case manager and the district's coordinators:
/// case reference and municipality only (coordinators see no case content, DOMAIN.md).
/// </summary>
public sealed record HardDeadlineMissedNotice(CaseReference Case, MunicipalityId Municipality, DateOnly HardDeadline);
