using System.Collections.Concurrent;

namespace Kim.Api.Access;

/// <summary>The directory held in memory: for tests of the HTTP edge without storage.</summary>
public sealed class InMemoryAccessDirectory : IAccessDirectory
{
    private readonly ConcurrentDictionary<string, StaffMember> _staff = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Partner> _partners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PartnerKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string District, string Id), Municipality> _municipalities = new();

    // One lock for writes of partners and keys keeps the key lists consistent; reads need none.
    private readonly Lock _writeLock = new();

    public ValueTask<StaffMember?> FindStaffAsync(string staffId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.GetValueOrDefault(staffId));

    public ValueTask<StaffMember?> FindStaffByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.Values.FirstOrDefault(
            s => s.ObjectId is not null && string.Equals(s.ObjectId, objectId, StringComparison.OrdinalIgnoreCase)));

    public ValueTask<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_partners.GetValueOrDefault(partnerId));

    public ValueTask<PartnerKey?> FindPartnerKeyAsync(string keyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.GetValueOrDefault(keyId));

    public ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken)
    {
        IReadOnlyList<StaffMember> found = [.. _staff.Values
            .Where(s => s.Active && s.District == district && s.Role == role && (municipality is null || s.Municipality == municipality))
            .OrderBy(s => s.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(found);
    }

    public ValueTask<IReadOnlyList<StaffMember>> ListDistrictStaffAsync(string district, CancellationToken cancellationToken)
    {
        IReadOnlyList<StaffMember> found = [.. _staff.Values.Where(s => s.District == district).OrderBy(s => s.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(found);
    }

    public ValueTask<IReadOnlyList<Partner>> ListPartnersAsync(string district, CancellationToken cancellationToken)
    {
        IReadOnlyList<Partner> found = [.. _partners.Values.Where(p => p.District == district).OrderBy(p => p.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(found);
    }

    public ValueTask<IReadOnlyList<Municipality>> ListMunicipalitiesAsync(string district, CancellationToken cancellationToken)
    {
        IReadOnlyList<Municipality> found = [.. _municipalities.Values
            .Where(m => m.District == district)
            .OrderBy(m => m.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(found);
    }

    public ValueTask UpsertStaffAsync(StaffMember staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        _staff[staff.Id] = staff;
        return ValueTask.CompletedTask;
    }

    public ValueTask UpsertPartnerAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        lock (_writeLock)
        {
            _partners[partner.Id] = partner with { KeyIds = _partners.TryGetValue(partner.Id, out var old) ? old.KeyIds : [] };
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<PartnerKeyChange> AddPartnerKeyAsync(PartnerKey key, int maxValid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_writeLock)
        {
            if (!_partners.TryGetValue(key.PartnerId, out var partner))
            {
                return ValueTask.FromResult(PartnerKeyChange.NoPartner);
            }

            if (_keys.ContainsKey(key.KeyId))
            {
                return ValueTask.FromResult(PartnerKeyChange.KeyIdTaken);
            }

            if (partner.KeyIds.Count >= maxValid)
            {
                return ValueTask.FromResult(PartnerKeyChange.TooManyKeys);
            }

            _keys[key.KeyId] = key;
            _partners[partner.Id] = partner with { KeyIds = [.. partner.KeyIds, key.KeyId] };
            return ValueTask.FromResult(PartnerKeyChange.Done);
        }
    }

    public ValueTask<PartnerKeyChange> RevokePartnerKeyAsync(string partnerId, string keyId, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            if (!_partners.TryGetValue(partnerId, out var partner))
            {
                return ValueTask.FromResult(PartnerKeyChange.NoPartner);
            }

            if (!partner.KeyIds.Contains(keyId, StringComparer.Ordinal))
            {
                return ValueTask.FromResult(PartnerKeyChange.NoKey);
            }

            _partners[partner.Id] = partner with { KeyIds = [.. partner.KeyIds.Where(k => k != keyId)] };
            _keys.TryRemove(keyId, out _);
            return ValueTask.FromResult(PartnerKeyChange.Done);
        }
    }

    public ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        _municipalities[(municipality.District, municipality.Id)] = municipality;
        return ValueTask.CompletedTask;
    }
}
