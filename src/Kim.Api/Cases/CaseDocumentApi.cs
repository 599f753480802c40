using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Core.Cases;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Kim.Api.Cases;

/// <summary>Documents of a case: upload (multipart), list, download streamed through Kim so that every read is in the access log.</summary>
public static class CaseDocumentApi
{
    public static void Map(RouteGroupBuilder cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        cases.MapPost("/{caseId}/documents", UploadAsync)
            .WithName("UploadCaseDocuments")
            .WithSummary("Upload documents (multipart/form-data, file parts); PDF, JPEG or PNG judged by content; each at most Kim__Intake__MaxFileBytes (default 10 MiB, larger: 413), at most Kim__Intake__MaxFiles per upload")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .Produces<DocumentsCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/{caseId}/documents", ListAsync)
            .WithName("ListCaseDocuments")
            .WithSummary("The documents of the case")
            .Produces<ListResponse<DocumentResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{caseId}/documents/{documentId}", DownloadAsync)
            .WithName("DownloadCaseDocument")
            .WithSummary("The document's bytes with its content type and file name; every download is in the access log")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> UploadAsync(
        string caseId,
        HttpContext context,
        CaseGate gate,
        IDocumentStore documents,
        IOptions<IntakeOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindCaseAsync(staff, caseId, cancellationToken) is null)
        {
            return CaseResults.CaseNotFound();
        }

        context.SetRequestBodyLimit(options.Value.MaxMultipartBytes);

        var (files, problem) = await CaseUploadReader.ReadAsync(context.Request, options.Value, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        var stored = new List<DocumentResponse>();
        try
        {
            foreach (var file in files!)
            {
                var document = await documents.AddAsync(
                    caseId, new NewDocument(file.FileName, file.ContentType, file.Content, staff.Id, "case"), cancellationToken);
                await gate.AuditAsync(staff, caseId, CaseAuditActions.Upload, "document:" + document.DocumentId, cancellationToken);
                CaseLogs.DocumentAdded(loggers.CreateLogger(typeof(CaseDocumentApi)), document.DocumentId, caseId, staff.Id);
                stored.Add(document.AsResponse());
            }
        }
        finally
        {
            foreach (var file in files!)
            {
                await file.DisposeAsync();
            }
        }

        return TypedResults.Created(
            $"/api/cases/{CaseResults.Escape(caseId)}/documents/{CaseResults.Escape(stored[0].DocumentId)}",
            new DocumentsCreatedResponse(stored[0].DocumentId, stored));
    }

    private static async Task<IResult> ListAsync(string caseId, HttpContext context, CaseGate gate, IDocumentStore documents, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.ReadCaseAsync(staff, caseId, "documents", cancellationToken) is null)
        {
            return CaseResults.CaseNotFound();
        }

        var list = await documents.ListAsync(caseId, cancellationToken);
        return TypedResults.Ok(new ListResponse<DocumentResponse>([.. list.Select(d => d.AsResponse())], null));
    }

    private static async Task<IResult> DownloadAsync(
        string caseId, string documentId, HttpContext context, CaseGate gate, IDocumentStore documents, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindCaseAsync(staff, caseId, cancellationToken) is null
            || await documents.OpenReadAsync(caseId, documentId, cancellationToken) is not { } opened)
        {
            return CaseResults.CaseNotFound();
        }

        await gate.AuditAsync(staff, caseId, CaseAuditActions.Download, "document:" + documentId, cancellationToken);
        return TypedResults.Stream(opened.Content, opened.Document.ContentType, opened.Document.FileName);
    }
}
