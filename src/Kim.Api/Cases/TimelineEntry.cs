using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Api.Cases;

/// <summary>
/// One applied event of a case or its referrals and handovers (API.md, "A timeline entry"); the
/// <see cref="Type"/> is the event name for raised events (<c>accept</c>, <c>respond</c>), else the
/// runtime's kind (<c>started</c>, <c>timer-fired</c>, <c>child-completed</c>).
/// </summary>
public sealed record TimelineEntry(string EventId, DateTimeOffset At, string Actor, string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? Data, string InstanceId);
