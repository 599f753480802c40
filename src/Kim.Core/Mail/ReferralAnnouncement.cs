namespace Kim.Core.Mail;

/// <summary>A new referral announced to the partner it was sent to; <see cref="RespondBy"/> when the case manager set one.</summary>
public sealed record ReferralAnnouncement(ReferralId Referral, DateOnly? RespondBy);
