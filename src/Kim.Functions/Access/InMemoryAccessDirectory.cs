using System.Collections.Concurrent;

namespace Kim.Functions.Access;

/// <summary>The directory held in memory: for development and tests, until the table adapter replaces it.</summary>
public sealed class InMemoryAccessDirectory : IAccessDirectory
{
    private readonly ConcurrentDictionary<string, StaffMember> _staff = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Partner> _partners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string District, string Id), Municipality> _municipalities = new();

    // One lock for writes keeps the partner key index consistent with the partners; reads need none.
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<string, string> _partnerIdByKeyHash = new(StringComparer.Ordinal);

    public ValueTask<StaffMember?> FindStaffAsync(string staffId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.GetValueOrDefault(staffId));

    public ValueTask<StaffMember?> FindStaffByObjectIdAsync(string objectId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.Values.FirstOrDefault(
            s => s.ObjectId is not null && string.Equals(s.ObjectId, objectId, StringComparison.OrdinalIgnoreCase)));

    public ValueTask<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_partners.GetValueOrDefault(partnerId));

    public ValueTask<Partner?> FindPartnerByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(
            _partnerIdByKeyHash.TryGetValue(apiKeyHash, out var id) ? _partners.GetValueOrDefault(id) : null);

    public ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken)
    {
        IReadOnlyList<StaffMember> found = [.. _staff.Values
            .Where(s => s.District == district && s.Role == role && (municipality is null || s.Municipality == municipality))
            .OrderBy(s => s.Id, StringComparer.Ordinal)];
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
            if (_partners.TryGetValue(partner.Id, out var old))
            {
                _partnerIdByKeyHash.TryRemove(old.ApiKeyHash, out _);
            }

            _partners[partner.Id] = partner;
            _partnerIdByKeyHash[partner.ApiKeyHash] = partner.Id;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        _municipalities[(municipality.District, municipality.Id)] = municipality;
        return ValueTask.CompletedTask;
    }
}
