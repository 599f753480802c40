namespace Kim.Core.Reports;

/// <summary>One legal-domain handover of a case, as the statistics keep it.</summary>
/// <param name="Kind">The handover kind, e.g. <c>asylblg-to-sgb2</c>.</param>
/// <param name="Status"><c>open</c>, <c>completed</c> or <c>cancelled</c>.</param>
/// <param name="TriggerMonth">The month of the trigger date (e.g. the recognition served).</param>
/// <param name="DaysWithoutBenefits">
/// Days without benefits caused by a late application (see <see cref="CaseStatistics.DaysWithoutBenefits"/>);
/// null while the application step is not confirmed or the handover has no such rule.
/// </param>
public sealed record HandoverFigure(string Kind, string Status, DateOnly TriggerMonth, int? DaysWithoutBenefits);
