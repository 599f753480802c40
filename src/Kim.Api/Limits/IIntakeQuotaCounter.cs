namespace Kim.Api.Limits;

/// <summary>Counts a partner's intakes per Europe/Berlin day, atomically against a limit.</summary>
public interface IIntakeQuotaCounter
{
    /// <summary>Adds one to the partner's count of <paramref name="day"/> unless it has reached <paramref name="limit"/>; false then.</summary>
    Task<bool> TryIncrementAsync(string partnerId, DateOnly day, int limit, CancellationToken cancellationToken);
}
