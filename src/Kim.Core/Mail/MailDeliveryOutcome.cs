namespace Kim.Core.Mail;

/// <summary>What <see cref="MailDispatcher.SendOnceAsync"/> did.</summary>
public enum MailDeliveryOutcome
{
    Sent,
    AlreadySent,
    ClaimedElsewhere,
}
