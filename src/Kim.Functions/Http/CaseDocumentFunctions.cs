using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// A case's documents: upload, list, download (Kim.Api CaseDocumentApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class CaseDocumentFunctions(RouteBridge routes)
{
    [Function("UploadDocuments")]
    public Task<IActionResult> UploadDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/documents")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ListDocuments")]
    public Task<IActionResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/documents")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("DownloadDocument")]
    public Task<IActionResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/documents/{documentId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
