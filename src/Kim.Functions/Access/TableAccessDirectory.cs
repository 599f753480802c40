using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Functions.Access;

/// <summary>
/// The directory on Table Storage. Every lookup is one point read and every list one partition
/// query, because each record is written under each key it is looked up by:
/// <list type="bullet">
/// <item>staff: <c>district|{district}</c> / id (lists), <c>id</c> / id, and <c>oid</c> / object id;</item>
/// <item>partners: <c>id</c> / id, and <c>key</c> / API key hash;</item>
/// <item>municipalities: district / id.</item>
/// </list>
/// The copies are full records (small, rarely written), so a lookup needs no second read. An upsert
/// reads the old record first and removes copies under keys that changed (a new key hash, another
/// district or object id); the <c>id</c> row is written last, so it names the keys in force.
/// </summary>
public sealed class TableAccessDirectory(TableClient staff, TableClient partners, TableClient municipalities) : IAccessDirectory
{
    private const string ById = "id";
    private const string ByObjectId = "oid";
    private const string ByKeyHash = "key";
    private const string DistrictPrefix = "district|";

    public async ValueTask<StaffMember?> FindStaffAsync(string staffId, CancellationToken cancellationToken) =>
        IsKey(staffId) && await staff.GetEntityOrDefaultAsync(ById, staffId, cancellationToken: cancellationToken) is { } row
            ? ToStaff(row)
            : null;

    public async ValueTask<StaffMember?> FindStaffByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        IsKey(objectId) && await staff.GetEntityOrDefaultAsync(ByObjectId, objectId.ToLowerInvariant(), cancellationToken: cancellationToken) is { } row
            ? ToStaff(row)
            : null;

    public async ValueTask<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        IsKey(partnerId) && await partners.GetEntityOrDefaultAsync(ById, partnerId, cancellationToken: cancellationToken) is { } row
            ? ToPartner(row)
            : null;

    public async ValueTask<Partner?> FindPartnerByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        IsKey(apiKeyHash) && await partners.GetEntityOrDefaultAsync(ByKeyHash, apiKeyHash.ToLowerInvariant(), cancellationToken: cancellationToken) is { } row
            ? ToPartner(row)
            : null;

    public async ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken)
    {
        var found = new List<StaffMember>();
        await foreach (var row in staff.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DistrictPrefix + district}"), cancellationToken: cancellationToken))
        {
            var member = ToStaff(row);
            if (member.Role == role && (municipality is null || member.Municipality == municipality))
            {
                found.Add(member);
            }
        }

        return [.. found.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async ValueTask<IReadOnlyList<Municipality>> ListMunicipalitiesAsync(string district, CancellationToken cancellationToken)
    {
        var found = new List<Municipality>();
        await foreach (var row in municipalities.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {district}"), cancellationToken: cancellationToken))
        {
            found.Add(new Municipality(row.RowKey, row.GetString("Name") ?? row.RowKey, row.PartitionKey));
        }

        return [.. found.OrderBy(m => m.Id, StringComparer.Ordinal)];
    }

    public async ValueTask UpsertStaffAsync(StaffMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var old = await FindStaffAsync(member.Id, cancellationToken);
        await staff.UpsertEntityAsync(ToEntity(member, DistrictPrefix + member.District, member.Id), TableUpdateMode.Replace, cancellationToken);
        if (member.ObjectId is { } objectId)
        {
            await staff.UpsertEntityAsync(ToEntity(member, ByObjectId, objectId.ToLowerInvariant()), TableUpdateMode.Replace, cancellationToken);
        }

        if (old is not null && old.District != member.District)
        {
            await staff.DeleteEntityAsync(DistrictPrefix + old.District, old.Id, cancellationToken: cancellationToken);
        }

        if (old?.ObjectId is { } oldObjectId && !string.Equals(oldObjectId, member.ObjectId, StringComparison.OrdinalIgnoreCase))
        {
            await staff.DeleteEntityAsync(ByObjectId, oldObjectId.ToLowerInvariant(), cancellationToken: cancellationToken);
        }

        await staff.UpsertEntityAsync(ToEntity(member, ById, member.Id), TableUpdateMode.Replace, cancellationToken);
    }

    public async ValueTask UpsertPartnerAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var old = await FindPartnerAsync(partner.Id, cancellationToken);
        await partners.UpsertEntityAsync(ToEntity(partner, ByKeyHash, partner.ApiKeyHash.ToLowerInvariant()), TableUpdateMode.Replace, cancellationToken);
        if (old is not null && !string.Equals(old.ApiKeyHash, partner.ApiKeyHash, StringComparison.OrdinalIgnoreCase))
        {
            // The old key stops working as soon as the new one is in place.
            await partners.DeleteEntityAsync(ByKeyHash, old.ApiKeyHash.ToLowerInvariant(), cancellationToken: cancellationToken);
        }

        await partners.UpsertEntityAsync(ToEntity(partner, ById, partner.Id), TableUpdateMode.Replace, cancellationToken);
    }

    public async ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        await municipalities.UpsertEntityAsync(
            new TableEntity(municipality.District, municipality.Id) { ["Name"] = municipality.Name },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>A value from a request that could not be a table key is simply not found.</summary>
    private static bool IsKey(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 512 && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static TableEntity ToEntity(StaffMember member, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Id"] = member.Id,
            ["DisplayName"] = member.DisplayName,
            ["Email"] = member.Email,
            ["Role"] = member.Role.ToString(),
            ["District"] = member.District,
        };
        Optional(row, "Municipality", member.Municipality);
        Optional(row, "ObjectId", member.ObjectId);
        return row;
    }

    private static StaffMember ToStaff(TableEntity row) => new(
        Required(row, "Id"),
        Required(row, "DisplayName"),
        Required(row, "Email"),
        Enum.Parse<StaffRole>(Required(row, "Role")),
        Required(row, "District"),
        row.GetString("Municipality"),
        row.GetString("ObjectId"));

    private static TableEntity ToEntity(Partner partner, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Id"] = partner.Id,
            ["Name"] = partner.Name,
            ["Type"] = partner.Type.ToString(),
            ["Email"] = partner.Email,
            ["District"] = partner.District,
            ["ApiKeyHash"] = partner.ApiKeyHash.ToLowerInvariant(),
        };
        Optional(row, "Municipality", partner.Municipality);
        return row;
    }

    private static Partner ToPartner(TableEntity row) => new(
        Required(row, "Id"),
        Required(row, "Name"),
        Enum.Parse<PartnerType>(Required(row, "Type")),
        Required(row, "Email"),
        Required(row, "District"),
        row.GetString("Municipality"),
        Required(row, "ApiKeyHash"));

    private static void Optional(TableEntity row, string name, string? value)
    {
        if (value is not null)
        {
            row[name] = value;
        }
    }

    private static string Required(TableEntity row, string name) =>
        row.GetString(name) ?? throw new InvalidOperationException($"Directory row {row.PartitionKey}/{row.RowKey} lacks {name}.");
}
