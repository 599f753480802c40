using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Limits;
using Kim.Core.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Intake;

/// <summary>The partner's intake route (API.md, <c>POST /api/intake</c>).</summary>
public static class IntakeApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The endpoint name and OpenAPI operation id of <c>POST /api/intake</c>.</summary>
    public const string OperationName = "SubmitIntake";

    /// <summary>The endpoint name of <c>GET /api/intake/{reference}</c>.</summary>
    public const string StatusOperationName = "GetIntakeStatus";

    public static IEndpointRouteBuilder MapKimIntake(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapKimPartnerGroup("/api/intake").WithTags("Intake");
        group.MapPost(string.Empty, SubmitAsync)
            .WithName(OperationName)
            .WithSummary("Ask KIM to take on a client")
            .WithDescription(
                "An intake from a partner's form, as application/json, application/x-www-form-urlencoded or multipart/form-data " +
                "(dotted field names such as client.givenName, a repeated field per list item, files in parts named 'documents'). " +
                "Files: PDF, JPEG or PNG, judged by their structure (PDF: %PDF- and %%EOF in the last 1024 bytes; PNG: signature, " +
                "IHDR first, IEND last; JPEG: SOI and EOI), otherwise 422; at most Kim__Intake__MaxFiles files (default 5, more: 413) of " +
                "Kim__Intake__MaxFileBytes each (default 10 MiB, larger: 413). JSON and URL-encoded bodies: at most 256 KiB. " +
                "Every intake counts against the partner's daily quota (Kim__Limits__Partner__IntakesPerDay, default 500 per " +
                "Europe/Berlin day; beyond it 429 with Retry-After). " +
                "Without consentToCaseProcessing only identity data and the partner's contact may be sent. " +
                "A repeat with the same Idempotency-Key or the same partnerReference (under any key, or none) and the same content " +
                "returns the first answer and creates nothing; the same key, or the same partnerReference, with other content is " +
                "refused (422, idempotency-key-reused). JSON bodies: a member sent twice is 422, text that is not valid Unicode 400; " +
                "text is stored in Unicode NFC. A person may have one name only (client.givenName or client.familyName). " +
                "All limits: docs/limits.md.")
            .Accepts<IntakeRequest>(IntakeReader.Json, IntakeReader.Multipart, IntakeReader.UrlEncoded)
            .Produces<IntakeAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestBodyLimit(KimLimits.JsonBodyBytes);
        group.MapGet("/{reference}", GetStatusAsync)
            .WithName(StatusOperationName)
            .WithSummary("The status of an intake you sent")
            .WithDescription(
                "received, in-clearing, accepted, declined or closed, with when the intake was received and last changed; " +
                "no personal data. An intake of another partner, or an unknown reference, is 404.")
            .Produces<IntakeStatusReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Accepted<IntakeAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpContext context,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        IntakeReader reader,
        IntakeQuota quota,
        IIntakeSink sink,
        IAccessDirectory directory,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var partner = context.GetPartner();
        var logger = loggerFactory.CreateLogger(typeof(IntakeApi));
        if (await quota.TryTakeAsync(partner, cancellationToken) is { } retryAfter)
        {
            context.CloseAfterResponse();
            return Refuse(logger, partner, KimProblems.TooManyRequests(context.Response, retryAfter,
                $"You have sent {quota.DailyLimit(partner)} intakes today, your daily quota; send again after Retry-After seconds (midnight in Europe/Berlin)."));
        }

        var read = await reader.ReadAsync(context.Request, cancellationToken);
        if (read.Upload is null)
        {
            return Refuse(logger, partner, read.Problem!);
        }

        await using var upload = read.Upload;
        var intake = IntakeNormaliser.Normalise(upload.Request);
        var municipalities = await directory.ListMunicipalitiesAsync(partner.District, cancellationToken);
        var today = WorkingCalendar.Nrw.LocalDate(time.GetUtcNow());
        var errors = IntakeValidator.Validate(
            intake, [.. municipalities.Select(m => m.Id)], today, upload.Documents.Count, out var consentFailed);
        CheckKey(idempotencyKey, errors);
        if (!errors.IsEmpty)
        {
            return Refuse(logger, partner, KimProblems.Validation(errors.ToDictionary(), consentFailed ? IntakeValidator.ConsentDetail : null));
        }

        var fingerprint = IntakeFingerprint.Compute(intake, upload.Documents);
        var result = await sink.SubmitAsync(
            new IntakeSubmission(partner, idempotencyKey, intake.PartnerReference!, fingerprint, intake, upload.Documents), cancellationToken);
        switch (result.Outcome)
        {
            case IntakeSinkOutcome.KeyReused:
                IntakeLogs.KeyReused(logger, partner.Id);
                return TypedResults.Problem(KimProblems.IdempotencyKeyReused(
                    "This Idempotency-Key was sent before with other content. Use a new key for a new intake."));
            case IntakeSinkOutcome.ReferenceReused:
                IntakeLogs.ReferenceReused(logger, partner.Id);
                return TypedResults.Problem(KimProblems.IdempotencyKeyReused(
                    "An intake with this partnerReference and other content was sent before, whatever its Idempotency-Key. " +
                    "Send changes to the case manager; use a new partnerReference for a new intake."));
            case IntakeSinkOutcome.Repeated:
                IntakeLogs.Repeated(logger, result.Reference!, partner.Id);
                break;
            default:
                IntakeLogs.Created(logger, result.Reference!, partner.Id, upload.Documents.Count);
                break;
        }

        var statusUrl = $"{context.Request.PathBase}/api/intake/{Uri.EscapeDataString(result.Reference!)}";
        return TypedResults.Accepted(statusUrl, new IntakeAccepted(result.Reference!, statusUrl));
    }

    private static async Task<Results<Ok<IntakeStatusReport>, ProblemHttpResult>> GetStatusAsync(
        HttpContext context, string reference, IIntakeSink sink, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var partner = context.GetPartner();
        var report = await sink.FindAsync(partner, reference, cancellationToken);
        if (report is null)
        {
            return TypedResults.Problem(KimProblems.NotFound("No intake of yours has this reference."));
        }

        IntakeLogs.StatusRead(loggerFactory.CreateLogger(typeof(IntakeApi)), report.Reference, partner.Id);
        return TypedResults.Ok(report);
    }

    /// <summary>The <c>Idempotency-Key</c> header, when sent, is 1 to 200 visible ASCII characters.</summary>
    private static void CheckKey(string? header, IntakeErrors errors)
    {
        if (header is not null && (header.Length is 0 or > KimLimits.ShortTextLength || header.Any(c => c is < '!' or > '~')))
        {
            errors.Add(IdempotencyKeyHeader, $"must be 1 to {KimLimits.ShortTextLength} visible ASCII characters");
        }
    }

    private static ProblemHttpResult Refuse(ILogger logger, Partner partner, ProblemDetails problem)
    {
        IntakeLogs.Refused(logger, partner.Id, problem.Status ?? 0, problem.Type);
        return TypedResults.Problem(problem);
    }
}
