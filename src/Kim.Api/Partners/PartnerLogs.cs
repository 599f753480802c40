namespace Kim.Api.Partners;

/// <summary>Log messages of the partner referral routes; event ids 2300–2399. Ids and states only, no client data.</summary>
internal static partial class PartnerLogs
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information,
        Message = "Partner {PartnerId} read referral {ReferralId} ({State}) with categories {Categories}")]
    public static partial void ReferralRead(ILogger logger, string partnerId, string referralId, string state, string categories);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Partner {PartnerId} answered referral {ReferralId}: {Decision}")]
    public static partial void ReferralAnswered(ILogger logger, string partnerId, string referralId, string decision);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information,
        Message = "Partner {PartnerId} could not answer referral {ReferralId} in state {State}")]
    public static partial void AnswerRefused(ILogger logger, string partnerId, string referralId, string state);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Partner {PartnerId} asked for referral {ReferralId}, which is not theirs or does not exist")]
    public static partial void ReferralNotFound(ILogger logger, string partnerId, string referralId);
}
