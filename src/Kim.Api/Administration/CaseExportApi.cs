using System.IO.Compression;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Core.Cases;
using Kim.Core.Workflows;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Kim.Api.Administration;

/// <summary>
/// The Art. 15 GDPR export of one case for an administrator or the data-protection officer of its
/// district: one zip, written to the response as it is made (documents are copied from their blobs
/// entry by entry; neither the zip nor a document is held whole in memory), and recorded in the
/// case's audit chain before the first byte.
/// </summary>
public static class CaseExportApi
{
    public static IEndpointRouteBuilder MapKimCaseExport(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapKimStaffGroup("/api/admin/cases", KimPolicies.DataProtection).WithTags("Data protection");
        cases.MapGet("/{caseId}/export", ExportAsync)
            .WithName("ExportCase")
            .WithSummary("Art. 15 GDPR export: a zip with case.json (the case, its timeline, the documents' listing) and the documents under documents/{documentId}/{fileName}")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        string caseId,
        HttpContext context,
        CaseGate gate,
        IAccessDirectory directory,
        IDocumentStore documents,
        IAuditLog audit,
        TimeProvider time,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindDistrictCaseAsync(staff, caseId, directory, cancellationToken) is not { } partition
            || partition.First(i => i.InstanceId == caseId).StateAs<CaseWorkflowState>() is not { } state)
        {
            return AuditApi.CaseNotFound();
        }

        var now = time.GetUtcNow();
        await audit.RecordAsync(
            new AuditEntry(caseId, now, staff.Id, AuditActions.Export, AuditActions.CaseTarget, staff.District, AuditRoute.Of(context)), cancellationToken);
        var listed = await documents.ListAsync(caseId, cancellationToken);
        var export = new CaseExport(
            await state.AsResponseAsync(partition, gate.Workflows, cancellationToken),
            await CaseApi.TimelineAsync(gate.Workflows, caseId, partition, cancellationToken),
            [.. listed.Select(d => new CaseExportDocument(d.AsResponse(), PathOf(d)))],
            now,
            staff.Id);

        // .NET 10's zip entry streams have no asynchronous dispose: closing an entry flushes its last
        // compressed block with a synchronous write, which Kestrel refuses unless allowed. The bulk
        // (document bytes) is still written asynchronously; only those small final writes block.
        if (context.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }

        return TypedResults.Stream(
            body => WriteAsync(body, export, listed, documents, json.Value.SerializerOptions, cancellationToken),
            "application/zip",
            $"case-{caseId}.zip");
    }

    private static async Task WriteAsync(
        Stream body, CaseExport export, IReadOnlyList<CaseDocument> listed, IDocumentStore documents, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        // Create mode on a stream that cannot seek: each entry is written once, sizes in data descriptors.
        await using var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (var entry = await zip.CreateEntry("case.json", CompressionLevel.Optimal).OpenAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(entry, export, options, cancellationToken);
        }

        foreach (var document in listed)
        {
            await using var opened = await documents.OpenReadAsync(document.CaseId, document.DocumentId, cancellationToken);
            if (opened is null)
            {
                continue;
            }

            // PDFs and images are compressed already; storing them saves time for nothing lost.
            await using var entry = await zip.CreateEntry(PathOf(document), CompressionLevel.NoCompression).OpenAsync(cancellationToken);
            await opened.Content.CopyToAsync(entry, cancellationToken);
        }
    }

    private static string PathOf(CaseDocument document) =>
        $"documents/{document.DocumentId}/{SafeName(document.FileName)}";

    /// <summary>A file name that cannot climb out of its folder when unzipped.</summary>
    private static string SafeName(string fileName)
    {
        var name = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Select(c => char.IsControl(c) || c is '/' or ':' ? '_' : c)]);
        return name is "" or "." or ".." ? "document" : name;
    }
}
