using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kim.Core.Cases;
using Kim.Core.Storage;
using Kim.Core.Storage.Cases;

namespace Kim.Api.Cases;

/// <summary>Registers the case documents and the access log on the storage clients of <c>AddKimStorage</c>.</summary>
public static class CaseStorageServiceCollectionExtensions
{
    public static IServiceCollection AddKimCaseStorage(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentStore>(sp => new BlobDocumentStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.DocumentsContainer),
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DocumentsTable),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IAuditLog>(sp =>
            new TableAuditLog(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.AuditTable)));
        return services;
    }
}
