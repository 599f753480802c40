using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Administration;

/// <summary>What an administration command did: its result, or the problem that refused it (nothing was written then).</summary>
public sealed record AdminOutcome<T>(T? Value, ProblemDetails? Problem)
    where T : class
{
    public static AdminOutcome<T> Done(T value) => new(value, null);

    public static AdminOutcome<T> Refused(ProblemDetails problem) => new(null, problem);
}
