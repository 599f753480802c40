namespace Kim.Core.Mail;

/// <summary>A reminder to a partner whose answer to a referral is overdue.</summary>
public sealed record PartnerAnswerReminder(ReferralId Referral, DateOnly RespondBy);
