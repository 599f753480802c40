using Kim.Functions.Reminders;

namespace Kim.Functions.Mail;

/// <summary>The endpoints of mail: the development mailbox (Development only) and the reminder timer trigger.</summary>
public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapDevMailboxApi().MapReminderTrigger();
}
