using System.Collections.Immutable;
using Kim.Core.Cases;

namespace Kim.Core.Workflows;

internal static class Alerts
{
    /// <summary>Marks the open alerts of a kind (and reference, when given) as resolved.</summary>
    public static ImmutableList<Alert> Resolve(this ImmutableList<Alert> alerts, AlertKind kind, DateTimeOffset at, string? reference = null) =>
        alerts.ConvertAll(a => a.Kind == kind && a.ResolvedAt is null && (reference is null || a.Reference == reference)
            ? a with { ResolvedAt = at }
            : a);
}
