using System.Net;
using System.Text;
using System.Text.Json;
using Kim.Api.Mail;
using Kim.Api.Reminders;
using Kim.Api.Storage;
using Kim.Core;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kim.Api.Tests.Mail;

/// <summary>Mail wiring and the development mailbox, through a real Kestrel on a free port and Azurite.</summary>
public sealed class MailAppTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 5, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    private async Task<WebApplication> StartAsync(string environment, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kim:Reminders:Standalone"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        services?.Invoke(builder.Services);
        builder.Services.AddKimStorage(builder.Configuration, builder.Environment);
        builder.Services.AddKimMail(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapMailApi();
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(startTimeout.Token);
        return app;
    }

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = BaseAddress(app), Timeout = TimeSpan.FromSeconds(20) };

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    [Fact]
    public void Outside_development_without_an_api_key_start_up_fails_with_the_clear_message()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var e = Assert.Throws<InvalidSettingException>(() => builder.Services.AddKimMail(new ConfigurationBuilder().Build(), builder.Environment));
        Assert.StartsWith("SendGrid__ApiKey is not set: outside Development Kim cannot send mail", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standalone_reminder_driver_is_on_unless_switched_off_for_the_functions_host()
    {
        static bool Registered(string? standalone)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Kim:Reminders:Standalone"] = standalone }).Build();
            builder.Services.AddKimMail(configuration, builder.Environment);
            return builder.Services.Any(d => d.ImplementationType == typeof(StandaloneReminderService));
        }

        Assert.True(Registered(null));
        Assert.True(Registered("true"));
        Assert.False(Registered("false"));
        Assert.False(Registered("False"));
    }

    [Fact(Timeout = 60_000)]
    public async Task In_development_without_a_key_mails_land_in_the_dev_mailbox_listed_newest_first()
    {
        await using var app = await StartAsync("Development");
        var sender = app.Services.GetRequiredService<IMailSender>();
        Assert.IsType<DevelopmentMailboxSender>(sender);
        var to = new MailAddress("cm-menden@example.org");
        await sender.SendAsync(new MailMessage(to, "Erste", "Text eins", "<p>eins</p>"), Timeout());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendAsync(new MailMessage(to, "Zweite", "Text zwei", "<p>zwei</p>"), Timeout());
        _clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendAsync(new MailMessage(new MailAddress("coord-mk@example.org"), "Dritte", "Text drei", "<p>drei</p>"), Timeout());
        using var http = Client(app);

        using var response = await http.GetAsync(new Uri("/api/dev/mailbox", UriKind.Relative), Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Timeout()));
        var items = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Dritte", "Zweite", "Erste"], items.Select(i => i.GetProperty("subject").GetString()));
        var newest = items[0];
        Assert.Equal("coord-mk@example.org", newest.GetProperty("to").GetString());
        Assert.Equal("Text drei", newest.GetProperty("text").GetString());
        Assert.Equal(Start + TimeSpan.FromMinutes(2), newest.GetProperty("sentAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("continuationToken").ValueKind);

        using var top = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/dev/mailbox?top=2", UriKind.Relative), Timeout()));
        Assert.Equal(2, top.RootElement.GetProperty("items").GetArrayLength());
        using var tooMany = await http.GetAsync(new Uri($"/api/dev/mailbox?top={DevMailboxApi.MaxTop + 1}", UriKind.Relative), Timeout());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
    }

    [Fact(Timeout = 60_000)]
    public async Task Outside_development_the_dev_mailbox_does_not_exist_and_mail_goes_to_sendgrid()
    {
        await using var app = await StartAsync("Production", new()
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:From"] = "KIM Märkischer Kreis <kim@example.org>",
            ["SendGrid:BaseUrl"] = "http://127.0.0.1:1",
        });
        Assert.IsType<SendGridMailSender>(app.Services.GetRequiredService<IMailSender>());
        Assert.Null(app.Services.GetService<IDevelopmentMailbox>());
        using var http = Client(app);

        using var response = await http.GetAsync(new Uri("/api/dev/mailbox", UriKind.Relative), Timeout());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Links_use_the_public_base_url_or_else_the_address_kim_listens_on()
    {
        await using (var app = await StartAsync("Development"))
        {
            Assert.Equal(BaseAddress(app), app.Services.GetRequiredService<MailLinks>().PublicBaseUrl);
        }

        await using (var app = await StartAsync("Development", new() { ["Kim:PublicBaseUrl"] = "https://kim.example.org" }))
        {
            Assert.Equal(new Uri("https://kim.example.org"), app.Services.GetRequiredService<MailLinks>().PublicBaseUrl);
            Assert.Equal(new Uri("https://kim.example.org/api/cases/c-1"), app.Services.GetRequiredService<MailTemplates>().Links.Case(new CaseReference("c-1")));
        }
    }
}
