using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary><c>start-handover</c>: <c>{ "from": "AsylbLG", "to": "SGB II", "triggerDate": "2026-11-10" }</c>.</summary>
public sealed record HandoverRequest(LegalDomain From, LegalDomain To, DateOnly TriggerDate);
