using System.Globalization;
using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Api.Workflows;
using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Api.Administration;

/// <summary>
/// The audit trail for administrators and the data-protection officer of a district (API.md,
/// "Administration and reporting"): list entries by case, person and period, and verify the hash
/// chains. Reading and verifying are themselves recorded, in the case's chain when a case is named,
/// else in the district's.
/// </summary>
public static class AuditApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>Without <c>from</c>, a listing of the whole district looks back this far; a case's listing starts at its beginning.</summary>
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapKimAudit(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapKimStaffGroup("/api/admin/audit", KimPolicies.DataProtection).WithTags("Data protection");
        audit.MapGet(string.Empty, ListAsync)
            .WithName("ListAudit")
            .WithSummary("Audit entries of the district, oldest first; filters caseId, actor, from, to (a day in Europe/Berlin or an instant with offset; without from: the last 30 days, or all of a case); paged with continuationToken")
            .Produces<ListResponse<AuditEntryResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAudit")
            .WithSummary("Verifies the hash chains of the district (or of one case, caseId): intact, or the first broken link")
            .Produces<AuditVerificationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        CaseGate gate,
        IAccessDirectory directory,
        IAuditLog audit,
        TimeProvider time,
        TimingConfiguration timing,
        string? caseId,
        string? actor,
        string? from,
        string? to,
        string? continuationToken,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var until = Instant(errors, "to", to, timing.Calendar, endOfDay: true) ?? now;
        var since = Instant(errors, "from", from, timing.Calendar, endOfDay: false)
            ?? (caseId is null ? until - DefaultPeriod : DateTimeOffset.UnixEpoch);
        if (errors.Count == 0 && since > until)
        {
            errors["from"] = ["is after to"];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be between 1 and {MaxPageSize}"];
        }

        if (actor is { Length: 0 or > 200 })
        {
            errors["actor"] = ["must be 1 to 200 characters"];
        }

        if (caseId is not null && await gate.FindDistrictCaseAsync(staff, caseId, directory, cancellationToken) is null)
        {
            return CaseNotFound();
        }

        if (errors.Count > 0)
        {
            return KimProblems.Validation(errors).ToResult();
        }

        await RecordAsync(audit, staff, caseId, AuditActions.Read, now, context, cancellationToken);
        try
        {
            var (records, next) = await audit.QueryAsync(
                new AuditQuery(staff.District, caseId, actor, since, until, continuationToken, pageSize ?? DefaultPageSize), cancellationToken);
            return TypedResults.Ok(new ListResponse<AuditEntryResponse>([.. records.Select(AuditEntryResponse.Of)], next));
        }
        catch (ArgumentException)
        {
            return KimProblems.Validation("continuationToken", "is not a token this list gave out").ToResult();
        }
    }

    private static async Task<IResult> VerifyAsync(
        HttpContext context, CaseGate gate, IAccessDirectory directory, IAuditLog audit, TimeProvider time, string? caseId, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (caseId is not null && await gate.FindDistrictCaseAsync(staff, caseId, directory, cancellationToken) is null)
        {
            return CaseNotFound();
        }

        await RecordAsync(audit, staff, caseId, AuditActions.Verify, time.GetUtcNow(), context, cancellationToken);
        return TypedResults.Ok(AuditVerificationResponse.Of(await audit.VerifyAsync(staff.District, caseId, cancellationToken)));
    }

    private static Task RecordAsync(
        IAuditLog audit, StaffMember staff, string? caseId, string action, DateTimeOffset now, HttpContext context, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(caseId, now, staff.Id, action, AuditActions.AuditTarget, staff.District, AuditRoute.Of(context)), cancellationToken);

    /// <summary>The one 404 for a case that does not exist and one of another district.</summary>
    internal static IResult CaseNotFound() => KimProblems.NotFound("There is no case with this id in your district.").ToResult();

    /// <summary>A day (its start, or with <paramref name="endOfDay"/> its end, in the calendar's zone) or an instant with offset.</summary>
    private static DateTimeOffset? Instant(Dictionary<string, string[]> errors, string field, string? text, WorkingCalendar calendar, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return endOfDay ? calendar.EndOfDay(day) : calendar.At(day, TimeOnly.MinValue);
        }

        if (text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.OrdinalIgnoreCase)))
        {
            return instant;
        }

        errors[field] = ["must be a day (2026-11-30) or an instant with offset (2026-11-30T09:00:00+01:00)"];
        return null;
    }
}
