using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>
/// A handover's deadlines, computed from its trigger date by a <see cref="HandoverTemplate"/>.
/// Dates are days in Europe/Berlin; a deadline day is missed at its end (<see cref="WorkingCalendar.EndOfDay"/>).
/// </summary>
public sealed record HandoverPlan(
    string Kind,
    LegalDomain From,
    LegalDomain To,
    DateOnly TriggerDate,
    DateOnly Target,
    DateOnly HardDeadline,
    IReadOnlyList<HandoverPlanStep> Steps)
{
    /// <summary>The plan for a legal-domain change, or null when Kim has no template for it.</summary>
    public static HandoverPlan? For(LegalDomain from, LegalDomain to, DateOnly triggerDate) =>
        HandoverTemplate.Find(from, to)?.Plan(triggerDate);

    /// <summary>Each step, not yet confirmed, with the instant its day ends.</summary>
    public IReadOnlyList<HandoverStepStatus> StepStatuses(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. Steps.Select(s => new HandoverStepStatus(s.Step, s.DueDate, calendar.EndOfDay(s.DueDate), s.IsHardDeadline))];
    }
}
