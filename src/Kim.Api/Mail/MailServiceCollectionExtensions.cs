using Azure.Data.Tables;
using Kim.Api.Reminders;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Mail;

/// <summary>Registers mail and the reminder schedule (docs/mail.md). Call after <c>AddKimStorage</c>.</summary>
public static class MailServiceCollectionExtensions
{
    public const string StandaloneSettingKey = "Kim:Reminders:Standalone";
    public const string ScheduleSettingKey = "Kim:Reminders:Schedule";

    /// <summary>
    /// Reads <c>SendGrid__ApiKey</c>, <c>SendGrid__From</c>, <c>SendGrid__BaseUrl</c>,
    /// <c>Kim__PublicBaseUrl</c>, <c>Kim__Reminders__Schedule</c> and <c>Kim__Reminders__Standalone</c>
    /// and registers the sender (<see cref="MailSettings.Choose"/>: outside Development without an API
    /// key this throws, and start-up stops with a message that says what to set), the ledger, the
    /// dispatcher, templates and links, the schedule, the ticker with a placeholder job (registered
    /// only if no <see cref="IReminderJob"/> is yet) and, unless switched off, the standalone driver.
    /// </summary>
    public static IServiceCollection AddKimMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var settings = new MailSettings(configuration["SendGrid:ApiKey"], configuration["SendGrid:From"], configuration["SendGrid:BaseUrl"]);
        var choice = settings.Choose(environment.IsDevelopment());
        var publicBaseUrl = PublicBaseUrl.Configured(configuration);
        var schedule = ReminderSchedule.Parse(configuration[ScheduleSettingKey]);
        var standalone = ReadStandalone(configuration);

        services.TryAddSingleton(TimeProvider.System);

        if (environment.IsDevelopment())
        {
            services.AddSingleton<IDevelopmentMailbox>(sp =>
                new TableDevelopmentMailbox(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.DevMailboxTable)));
        }

        if (choice.SendGrid is { } sendGrid)
        {
            services.AddSingleton<IMailSender>(sp => new SendGridMailSender(
                sendGrid,
                logger: sp.GetRequiredService<ILogger<SendGridMailSender>>()));
        }
        else
        {
            services.AddSingleton<IMailSender, DevelopmentMailboxSender>();
        }

        services.AddSingleton<IMailLedger>(sp =>
            new TableMailLedger(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.MailLedgerTable)));
        services.AddSingleton<MailDispatcher>();

        // Without a configured base URL the listening address is only known once the server has
        // started: links are built on first use, which is never before the first request or tick.
        services.AddSingleton(sp => new MailLinks(publicBaseUrl ?? PublicBaseUrl.Listening(sp.GetService<IServer>(), configuration)));
        services.AddSingleton<MailTemplates>();

        services.AddSingleton(schedule);
        services.TryAddSingleton<IReminderJob, LoggingReminderJob>();
        services.AddSingleton(sp => new ReminderTicker(
            schedule,
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.SchedulesTable),
            sp.GetRequiredService<IReminderJob>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReminderTicker>>()));
        if (standalone)
        {
            services.AddHostedService<StandaloneReminderService>();
        }

        return services;
    }

    // Under the Functions host its timer trigger drives the reminders.
    private static bool ReadStandalone(IConfiguration configuration) =>
        KimHosting.Switch(configuration, StandaloneSettingKey, underFunctionsHost: false);
}
