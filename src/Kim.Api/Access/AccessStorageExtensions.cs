using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Api.Access;

/// <summary>Wiring of the directory on Table Storage.</summary>
public static class AccessStorageExtensions
{
    /// <summary>
    /// Registers <see cref="TableAccessDirectory"/> on the tables of <c>AddKimStorage</c>. Call before
    /// <see cref="AccessExtensions.AddKimAccess"/>, which otherwise registers the in-memory directory.
    /// </summary>
    public static IServiceCollection AddKimAccessStorage(this IServiceCollection services)
    {
        services.AddSingleton<IAccessDirectory>(sp =>
        {
            var tables = sp.GetRequiredService<TableServiceClient>();
            return new TableAccessDirectory(
                tables.GetTableClient(StorageNames.StaffTable),
                tables.GetTableClient(StorageNames.PartnersTable),
                tables.GetTableClient(StorageNames.MunicipalitiesTable));
        });
        return services;
    }
}
