namespace Kim.Functions.Access;

/// <summary>
/// Kim's records of who may call: staff, partners and the municipalities of each district.
/// Lookups are by exact key so that a table adapter needs one point read per call (staff by id,
/// partner by key hash) or one partition query (lists).
/// </summary>
public interface IAccessDirectory
{
    ValueTask<StaffMember?> FindStaffAsync(string staffId, CancellationToken cancellationToken);

    ValueTask<StaffMember?> FindStaffByObjectIdAsync(string objectId, CancellationToken cancellationToken);

    ValueTask<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken);

    ValueTask<Partner?> FindPartnerByKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);

    /// <summary>Staff with <paramref name="role"/> in the district, narrowed to one municipality when given.</summary>
    ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Municipality>> ListMunicipalitiesAsync(string district, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by id, so that seeding twice changes nothing.</summary>
    ValueTask UpsertStaffAsync(StaffMember staff, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by id; the key hash index follows the new hash.</summary>
    ValueTask UpsertPartnerAsync(Partner partner, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by district and id.</summary>
    ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken);
}
