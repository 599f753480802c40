using Kim.Core.Records;

namespace Kim.Core.Workflows;

/// <summary>The workflow definitions of Kim in one place, for the runtime's registry and the API.</summary>
public static class KimWorkflows
{
    /// <param name="timing">Read whenever a timer is set (e.g. from <c>IOptionsMonitor</c>); defaults when null.</param>
    /// <param name="calendar">NRW working days, with the configured extra holidays; NRW only when null.</param>
    public static IReadOnlyList<IWorkflowDefinition> Create(Func<TimingSettings>? timing = null, WorkingCalendar? calendar = null)
    {
        timing ??= () => TimingSettings.Default;
        calendar ??= WorkingCalendar.Nrw;
        return
        [
            new CaseWorkflow(timing, calendar),
            new ReferralWorkflow(timing, calendar),
            new HandoverWorkflow(timing, calendar),
        ];
    }
}
