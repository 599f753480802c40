namespace Kim.Api.Access;

/// <summary>
/// Kim's records of who may call: staff, partners with their keys, and the municipalities of each
/// district. Lookups are by exact key so that a table adapter needs one point read per call (staff
/// by id, a key by its id) or one partition query (lists). There is no cache in front of it: every
/// request reads the record as it is now, so a deactivation or a revoked key counts at once.
/// Rules (who may create what, how many keys) live in <c>DirectoryAdministration</c>; this stores.
/// </summary>
public interface IAccessDirectory
{
    /// <summary>The staff member with this id, active or not; null when unknown.</summary>
    ValueTask<StaffMember?> FindStaffAsync(string staffId, CancellationToken cancellationToken);

    ValueTask<StaffMember?> FindStaffByObjectIdAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>The partner with this id, active or not; null when unknown.</summary>
    ValueTask<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken);

    /// <summary>The stored key with this id; whether it is valid is for its partner's <see cref="Partner.KeyIds"/> to say.</summary>
    ValueTask<PartnerKey?> FindPartnerKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Active staff with <paramref name="role"/> in the district, narrowed to one municipality when given.</summary>
    ValueTask<IReadOnlyList<StaffMember>> ListStaffAsync(
        string district, string? municipality, StaffRole role, CancellationToken cancellationToken);

    /// <summary>Every staff member of the district, deactivated ones included, by id.</summary>
    ValueTask<IReadOnlyList<StaffMember>> ListDistrictStaffAsync(string district, CancellationToken cancellationToken);

    /// <summary>Every partner of the district, deactivated ones included, by id.</summary>
    ValueTask<IReadOnlyList<Partner>> ListPartnersAsync(string district, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<Municipality>> ListMunicipalitiesAsync(string district, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by id.</summary>
    ValueTask UpsertStaffAsync(StaffMember staff, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by id; <see cref="Partner.KeyIds"/> of a stored partner are kept (keys change only below).</summary>
    ValueTask UpsertPartnerAsync(Partner partner, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the key and adds it to its partner's valid keys, in one conditional write of the
    /// partner's record, so that two concurrent additions never make more than <paramref name="maxValid"/>.
    /// </summary>
    ValueTask<PartnerKeyChange> AddPartnerKeyAsync(PartnerKey key, int maxValid, CancellationToken cancellationToken);

    /// <summary>Removes the key from its partner's valid keys (it stops working with that write), then its stored form.</summary>
    ValueTask<PartnerKeyChange> RevokePartnerKeyAsync(string partnerId, string keyId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces by district and id.</summary>
    ValueTask UpsertMunicipalityAsync(Municipality municipality, CancellationToken cancellationToken);
}
