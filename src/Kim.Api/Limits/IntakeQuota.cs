using Kim.Api.Access;
using Kim.Core.Workflows;
using Microsoft.Extensions.Options;

namespace Kim.Api.Limits;

/// <summary>
/// A partner's daily intake quota (API.md, <c>Kim__Limits__Partner__IntakesPerDay</c>): how many
/// intakes it may send per Europe/Berlin day, counted in storage so that the count survives
/// restarts and holds across instances.
/// </summary>
/// <remarks>
/// Every intake request counts, taken before its body is read: the quota protects Kim from a
/// runaway or misused partner system, and a refused or repeated intake costs Kim the reading and
/// checking all the same; counting first also turns an exhausted partner away before it uploads.
/// The limit is read here and only here (<see cref="DailyLimit"/>), so a quota raised by an
/// administrator needs to change this one method.
/// </remarks>
public sealed class IntakeQuota(IIntakeQuotaCounter counter, IOptionsMonitor<KimLimitsOptions> limits, TimeProvider time)
{
    /// <summary>Intakes per Europe/Berlin day the partner may send.</summary>
    public int DailyLimit(Partner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return limits.CurrentValue.IntakesPerDay(partner.Id);
    }

    /// <summary>
    /// Counts one intake of <paramref name="partner"/> today; when today's quota is used up, counts
    /// nothing and returns how long until the next day begins in Europe/Berlin, when it is free again.
    /// </summary>
    public async Task<TimeSpan?> TryTakeAsync(Partner partner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = WorkingCalendar.Nrw.LocalDate(now);
        return await counter.TryIncrementAsync(partner.Id, today, DailyLimit(partner), cancellationToken)
            ? null
            : WorkingCalendar.Nrw.EndOfDay(today) - now;
    }
}
