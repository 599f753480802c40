using Azure.Data.Tables;
using Kim.Api.Notices;
using Kim.Api.Workflows;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Reminders;

/// <summary>The reminder mails: the due-date index, the daily digest job and the notice actions (docs/mail.md).</summary>
public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DueIndex"/> as an <see cref="IInstanceObserver"/>, <see cref="DigestJob"/> as the
    /// <see cref="IReminderJob"/> (in place of the placeholder, before or after <c>AddKimMail</c>) and the
    /// action handlers of <c>notify-case-manager</c>, <c>notify-hard-deadline-missed</c>,
    /// <c>remind-partner</c> and <c>notify-partner-referral</c>. Needs <c>AddKimStorage</c>,
    /// <c>AddKimWorkflows</c>, <c>AddKimRuntime</c>, <c>AddKimAccess</c> and <c>AddKimMail</c>.
    /// </summary>
    public static IServiceCollection AddKimReminders(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DueIndex(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DueIndexTable),
            sp.GetRequiredService<TimingConfiguration>().Calendar,
            sp.GetRequiredService<ILogger<DueIndex>>()));
        services.AddSingleton<IInstanceObserver>(sp => sp.GetRequiredService<DueIndex>());
        services.TryAddSingleton(sp => new DigestComposer(sp.GetRequiredService<MailLinks>()));
        services.RemoveAll<IReminderJob>();
        services.AddSingleton<IReminderJob, DigestJob>();

        services.AddSingleton<NoticeServices>();
        services.AddSingleton<IActionHandler, NotifyCaseManagerAction>();
        services.AddSingleton<IActionHandler, NotifyHardDeadlineMissedAction>();
        services.AddSingleton<IActionHandler, RemindPartnerAction>();
        services.AddSingleton<IActionHandler, NotifyPartnerReferralAction>();
        return services;
    }
}
