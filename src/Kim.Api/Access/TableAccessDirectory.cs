using Azure;
using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Api.Access;

/// <summary>
/// The directory on Table Storage. Every lookup is one point read and every list one partition
/// query, because each record is written under each key it is looked up by:
/// <list type="bullet">
/// <item>staff: <c>district|{district}</c> / id (lists), <c>id</c> / id, and <c>oid</c> / object id;</item>
/// <item>partners: <c>id</c> / id (the record in force, with its valid key ids), <c>district|{district}</c> / id
/// (lists), and <c>key</c> / key id (a key's salt and hash and its partner);</item>
/// <item>municipalities: district / id.</item>
/// </list>
/// The copies are full records (small, rarely written), so a lookup needs no second read. A staff
/// upsert reads the old record first and removes copies under keys that changed (another district or
/// object id); the <c>id</c> row is written last, so it names the keys in force. A partner's
/// <c>id</c> row is only ever replaced with the ETag it was read with, so that adding a key, revoking
/// one and editing the partner cannot overwrite each other; the listing copy follows it.
/// </summary>
public sealed class TableAccessDirectory(TableClient staff, TableClient partners, TableClient municipalities) : IAccessDirectory
{
    private const string ById = "id";
    private const string ByObjectId = "oid";
    private const string ByKeyId = "key";
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

    public async ValueTask<PartnerKey?> FindPartnerKeyAsync(string keyId, CancellationToken cancellationToken) =>
        IsKey(keyId) && await partners.GetEntityOrDefaultAsync(ByKeyId, keyId, cancellationToken: cancellationToken) is { } row
            ? new PartnerKey(row.RowKey, Required(row, "PartnerId"), Required(row, "Salt"), Required(row, "Hash"), row.GetDateTimeOffset("CreatedAt") ?? default)
            : null;

    public async ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken) =>
        [.. (await ListDistrictStaffAsync(district, cancellationToken))
            .Where(s => s.Active && s.Role == role && (municipality is null || s.Municipality == municipality))];

    public async ValueTask<IReadOnlyList<StaffMember>> ListDistrictStaffAsync(string district, CancellationToken cancellationToken)
    {
        var found = new List<StaffMember>();
        await foreach (var row in staff.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DistrictPrefix + district}"), cancellationToken: cancellationToken))
        {
            found.Add(ToStaff(row));
        }

        return [.. found.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async ValueTask<IReadOnlyList<Partner>> ListPartnersAsync(string district, CancellationToken cancellationToken)
    {
        var found = new List<Partner>();
        await foreach (var row in partners.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DistrictPrefix + district}"), cancellationToken: cancellationToken))
        {
            found.Add(ToPartner(row));
        }

        return [.. found.OrderBy(p => p.Id, StringComparer.Ordinal)];
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
        while (true)
        {
            var row = await partners.GetEntityOrDefaultAsync(ById, partner.Id, cancellationToken: cancellationToken);
            var old = row is null ? null : ToPartner(row);
            var next = partner with { KeyIds = old?.KeyIds ?? [] };
            try
            {
                if (row is null)
                {
                    await partners.AddEntityAsync(ToEntity(next, ById, next.Id), cancellationToken);
                }
                else
                {
                    await partners.UpdateEntityAsync(ToEntity(next, ById, next.Id), row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Written by someone else since we read it: read again and apply this change on top.
                continue;
            }

            await WriteListingCopyAsync(next, cancellationToken);
            if (old is not null && old.District != next.District)
            {
                await partners.DeleteEntityAsync(DistrictPrefix + old.District, old.Id, cancellationToken: cancellationToken);
            }

            return;
        }
    }

    public async ValueTask<PartnerKeyChange> AddPartnerKeyAsync(PartnerKey key, int maxValid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await partners.AddEntityAsync(
                new TableEntity(ByKeyId, key.KeyId)
                {
                    ["PartnerId"] = key.PartnerId,
                    ["Salt"] = key.Salt,
                    ["Hash"] = key.Hash,
                    ["CreatedAt"] = key.CreatedAt,
                },
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return PartnerKeyChange.KeyIdTaken;
        }

        // The stored key is not valid until the partner's record names it; if that fails, it goes again.
        var outcome = await ChangePartnerAsync(
            key.PartnerId,
            partner => partner.KeyIds.Count >= maxValid
                ? (null, PartnerKeyChange.TooManyKeys)
                : (partner with { KeyIds = [.. partner.KeyIds, key.KeyId] }, PartnerKeyChange.Done),
            cancellationToken);
        if (outcome != PartnerKeyChange.Done)
        {
            await partners.DeleteEntityAsync(ByKeyId, key.KeyId, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    public async ValueTask<PartnerKeyChange> RevokePartnerKeyAsync(string partnerId, string keyId, CancellationToken cancellationToken)
    {
        if (!IsKey(partnerId) || !IsKey(keyId))
        {
            return PartnerKeyChange.NoPartner;
        }

        var outcome = await ChangePartnerAsync(
            partnerId,
            partner => partner.KeyIds.Contains(keyId, StringComparer.Ordinal)
                ? (partner with { KeyIds = [.. partner.KeyIds.Where(k => k != keyId)] }, PartnerKeyChange.Done)
                : (null, PartnerKeyChange.NoKey),
            cancellationToken);
        if (outcome == PartnerKeyChange.Done)
        {
            await partners.DeleteEntityAsync(ByKeyId, keyId, cancellationToken: cancellationToken);
        }

        return outcome;
    }

    public async ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        await municipalities.UpsertEntityAsync(
            new TableEntity(municipality.District, municipality.Id) { ["Name"] = municipality.Name },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>
    /// Reads the partner's record, lets <paramref name="change"/> decide, and replaces the record with
    /// the ETag it was read with; on a concurrent write it reads again and decides again.
    /// </summary>
    private async ValueTask<PartnerKeyChange> ChangePartnerAsync(
        string partnerId, Func<Partner, (Partner? Next, PartnerKeyChange Outcome)> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await partners.GetEntityOrDefaultAsync(ById, partnerId, cancellationToken: cancellationToken) is not { } row)
            {
                return PartnerKeyChange.NoPartner;
            }

            var (next, outcome) = change(ToPartner(row));
            if (next is null)
            {
                return outcome;
            }

            try
            {
                await partners.UpdateEntityAsync(ToEntity(next, ById, next.Id), row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                continue;
            }

            await WriteListingCopyAsync(next, cancellationToken);
            return outcome;
        }
    }

    private async Task WriteListingCopyAsync(Partner partner, CancellationToken cancellationToken) =>
        await partners.UpsertEntityAsync(ToEntity(partner, DistrictPrefix + partner.District, partner.Id), TableUpdateMode.Replace, cancellationToken);

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
        row["Active"] = member.Active;
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
        row.GetString("ObjectId"),
        row.GetBoolean("Active") ?? true);

    private static TableEntity ToEntity(Partner partner, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Id"] = partner.Id,
            ["Name"] = partner.Name,
            ["Type"] = partner.Type.ToString(),
            ["Email"] = partner.Email,
            ["District"] = partner.District,
            ["KeyIds"] = string.Join(' ', partner.KeyIds),
            ["Active"] = partner.Active,
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
        (row.GetString("KeyIds") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        row.GetBoolean("Active") ?? true);

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
