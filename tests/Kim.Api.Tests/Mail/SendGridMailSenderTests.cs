using System.Text.Json;
using Azure;
using Azure.Core;
using Kim.Core.Mail;
using Kim.Testing;

namespace Kim.Api.Tests.Mail;

/// <summary>The SendGrid client against a fake SendGrid over real HTTP on loopback.</summary>
public sealed class SendGridMailSenderTests : IAsyncLifetime
{
    private const int TestTimeout = 20_000;
    private const string ApiKey = "SG.test-key";

    private static readonly MailMessage Mail = new(
        new MailAddress("cm-luedenscheid@example.org", "Fallmanagement Lüdenscheid"),
        "KIM-Erinnerungen für Montag, 02.11.2026: 1 Eintrag",
        "Guten Tag,\n\n- Fall c-1, fällig am 02.11.2026\n",
        "<p>Guten Tag,</p><ul><li>Fall c-1, fällig am 02.11.2026</li></ul>");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMilliseconds(TestTimeout));
    private readonly EventLogger<SendGridMailSender> _logger = new();
    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync(_clock);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    private SendGridMailSender Sender(Action<SendGridMailSenderOptions>? configure = null)
    {
        var options = new SendGridMailSenderOptions { TimeProvider = _clock };
        options.Retry.MaxRetries = 0; // 5xx retries are Azure.Core's; most tests are about SendGrid's answers.
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        configure?.Invoke(options);
        return new SendGridMailSender(new SendGridSettings(ApiKey, new MailAddress("kim@example.org", "KIM Märkischer Kreis"), _server.BaseUrl), options, _logger);
    }

    private string ResetAt(TimeSpan fromNow) => (_clock.GetUtcNow() + fromNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact(Timeout = TestTimeout)]
    public async Task A_mail_is_posted_to_v3_mail_send_with_bearer_key_and_both_contents()
    {
        await Sender().SendAsync(Mail, _timeout.Token);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer " + ApiKey, request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var to = Assert.Single(Assert.Single(root.GetProperty("personalizations").EnumerateArray()).GetProperty("to").EnumerateArray());
        Assert.Equal("cm-luedenscheid@example.org", to.GetProperty("email").GetString());
        Assert.Equal("Fallmanagement Lüdenscheid", to.GetProperty("name").GetString());
        Assert.Equal("kim@example.org", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("KIM Märkischer Kreis", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(Mail.Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(Mail.Text, content[0].GetProperty("value").GetString());
        Assert.Equal(Mail.Html, content[1].GetProperty("value").GetString());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_waits_for_X_RateLimit_Reset_on_the_clock_then_sends_again()
    {
        var reset = _clock.GetUtcNow().AddSeconds(30);
        _server.Enqueue(429, """{"errors":[{"field":null,"message":"too many requests"}]}""", ("X-RateLimit-Reset", ResetAt(TimeSpan.FromSeconds(30))));

        var send = Sender().SendAsync(Mail, _timeout.Token);
        await _logger.WaitForAsync(4002).WaitAsync(_timeout.Token);
        Assert.Single(_server.Requests);
        while (!send.IsCompleted)
        {
            // Move the clock past the reset; again if the wait's timer was created just after a move.
            _clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(send, _server.WaitForRequestsAsync(2, _timeout.Token));
        }

        await send;
        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At >= reset, $"retried at {requests[1].At:O}, before the reset {reset:O}");
        Assert.Equal("Bearer " + ApiKey, requests[1].Authorization);
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_whose_reset_is_too_far_fails_at_once()
    {
        _server.Enqueue(429, """{"errors":[{"field":null,"message":"too many requests"}]}""", ("X-RateLimit-Reset", ResetAt(TimeSpan.FromHours(1))));

        // Azure.Core's own retry may retry, but not a 429: that is the rate-limit policy's.
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender(o => o.Retry.MaxRetries = 3).SendAsync(Mail, _timeout.Token));

        Assert.Equal(429, error.Status);
        Assert.Contains("too many requests", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Rate_limit_attempts_are_bounded()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.Enqueue(429, null, ("X-RateLimit-Reset", ResetAt(TimeSpan.Zero)));
        }

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender(o => o.RateLimitMaxAttempts = 3).SendAsync(Mail, _timeout.Token));

        Assert.Equal(429, error.Status);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains(4003, _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_400_surfaces_SendGrids_error_messages_and_is_not_retried()
    {
        _server.Enqueue(400, """
            {"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.com/docs"},
                       {"message":"The subject is required.","field":"subject"}]}
            """);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender().SendAsync(Mail, _timeout.Token));

        Assert.Equal(400, error.Status);
        Assert.Contains("SendGrid: The from email does not contain a valid address. (field: from.email); The subject is required. (field: subject)", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_401_is_surfaced_and_not_retried()
    {
        _server.Enqueue(401, """{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Sender().SendAsync(Mail, _timeout.Token));

        Assert.Equal(401, error.Status);
        Assert.Contains("authorization grant is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_base_url_with_a_path_keeps_it()
    {
        var sender = new SendGridMailSender(
            new SendGridSettings(ApiKey, new MailAddress("kim@example.org"), new Uri(_server.BaseUrl, "/proxy/")),
            new SendGridMailSenderOptions { TimeProvider = _clock });

        await sender.SendAsync(Mail, _timeout.Token);

        Assert.Equal("/proxy/v3/mail/send", Assert.Single(_server.Requests).Path);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_503_is_retried_by_Azure_Core()
    {
        _server.Enqueue(503);

        await Sender(o => o.Retry.MaxRetries = 1).SendAsync(Mail, _timeout.Token);

        Assert.Equal(2, _server.Requests.Count);
    }
}
