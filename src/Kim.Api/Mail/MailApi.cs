namespace Kim.Api.Mail;

/// <summary>The endpoints of mail: the development mailbox (Development only).</summary>
public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapDevMailboxApi();
}
