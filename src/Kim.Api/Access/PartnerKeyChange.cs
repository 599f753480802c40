namespace Kim.Api.Access;

/// <summary>What became of adding or revoking a partner's key.</summary>
public enum PartnerKeyChange
{
    Done,

    /// <summary>No partner with that id.</summary>
    NoPartner,

    /// <summary>Adding: the partner already holds the most valid keys allowed.</summary>
    TooManyKeys,

    /// <summary>Adding: a key with that id is stored already (for this partner or another).</summary>
    KeyIdTaken,

    /// <summary>Revoking: the partner holds no valid key with that id.</summary>
    NoKey,
}
