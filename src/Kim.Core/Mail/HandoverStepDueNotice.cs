namespace Kim.Core.Mail;

/// <summary>A handover step due within 3 working days, for the case manager. References and dates only.</summary>
public sealed record HandoverStepDueNotice(CaseReference Case, HandoverStepId Step, DateOnly DueDate, int WorkingDaysLeft);
