using System.Text.Json;
using Kim.Core.Mail;
using SendGrid.Helpers.Reliability;

namespace Kim.Api.Tests.Mail;

/// <summary>Kim's SendGrid sender on the SendGrid library, against a fake SendGrid over real HTTP on loopback.</summary>
public sealed class SendGridMailSenderTests : IAsyncLifetime
{
    private const int TestTimeout = 20_000;
    private const string ApiKey = "SG.test-key";
    private const int Retries = 2;

    private static readonly MailMessage Mail = new(
        new MailAddress("cm-luedenscheid@example.org", "Fallmanagement Lüdenscheid"),
        "KIM-Erinnerungen für Montag, 02.11.2026: 1 Eintrag",
        "Guten Tag,\n\n- Fall c-1, fällig am 02.11.2026\n",
        "<p>Guten Tag,</p><ul><li>Fall c-1, fällig am 02.11.2026</li></ul>");

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMilliseconds(TestTimeout));
    private readonly EventLogger<SendGridMailSender> _logger = new();
    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    // The library's back-off runs on the real clock: milliseconds here, seconds in production.
    private static ReliabilitySettings ShortBackOff() =>
        new(Retries, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(5));

    private SendGridMailSender Sender(Uri? baseUrl = null) =>
        new(new SendGridSettings(ApiKey, new MailAddress("kim@example.org", "KIM Märkischer Kreis"), baseUrl ?? _server.BaseUrl), ShortBackOff(), _logger);

    [Fact(Timeout = TestTimeout)]
    public async Task A_mail_is_posted_to_v3_mail_send_with_bearer_key_and_both_contents()
    {
        using var sender = Sender();

        await sender.SendAsync(Mail, _timeout.Token);

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
        Assert.Equal([4001], _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_is_retried_and_the_mail_is_sent_once()
    {
        _server.Enqueue(429, """{"errors":[{"field":null,"message":"too many requests"}]}""");
        using var sender = Sender();

        await sender.SendAsync(Mail, _timeout.Token);

        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("Bearer " + ApiKey, requests[1].Authorization);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal([4002, 4001], _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_429_that_outlasts_the_retries_is_a_refusal_with_SendGrids_message()
    {
        for (var i = 0; i <= Retries; i++)
        {
            _server.Enqueue(429, """{"errors":[{"field":null,"message":"too many requests"}]}""");
        }

        using var sender = Sender();

        var error = await Assert.ThrowsAsync<MailSendFailedException>(() => sender.SendAsync(Mail, _timeout.Token));

        Assert.Equal(429, error.Status);
        Assert.True(error.Refused);
        Assert.Contains("SendGrid: too many requests", error.Message, StringComparison.Ordinal);
        Assert.Equal(Retries + 1, _server.Requests.Count);
        Assert.Equal(3, _logger.EventIds.Count(id => id == 4002));
        Assert.Contains(4003, _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_400_surfaces_SendGrids_error_messages_and_is_not_retried()
    {
        _server.Enqueue(400, """
            {"errors":[{"message":"The from email does not contain a valid address.","field":"from.email","help":"http://sendgrid.com/docs"},
                       {"message":"The subject is required.","field":"subject"}]}
            """);
        using var sender = Sender();

        var error = await Assert.ThrowsAsync<MailSendFailedException>(() => sender.SendAsync(Mail, _timeout.Token));

        Assert.Equal(400, error.Status);
        Assert.True(error.Refused);
        Assert.Equal("SendGrid: The from email does not contain a valid address. (field: from.email); The subject is required. (field: subject)", error.Message);
        Assert.Single(_server.Requests);
        Assert.Equal([4004], _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_401_is_surfaced_and_not_retried()
    {
        _server.Enqueue(401, """{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""");
        using var sender = Sender();

        var error = await Assert.ThrowsAsync<MailSendFailedException>(() => sender.SendAsync(Mail, _timeout.Token));

        Assert.Equal(401, error.Status);
        Assert.Contains("authorization grant is invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_503_is_retried()
    {
        _server.Enqueue(503);
        using var sender = Sender();

        await sender.SendAsync(Mail, _timeout.Token);

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_5xx_that_outlasts_the_retries_may_have_been_accepted()
    {
        for (var i = 0; i <= Retries; i++)
        {
            _server.Enqueue(500);
        }

        using var sender = Sender();

        var error = await Assert.ThrowsAsync<MailSendFailedException>(() => sender.SendAsync(Mail, _timeout.Token));

        Assert.Equal(500, error.Status);
        Assert.False(error.Refused);
        Assert.Equal("SendGrid answered 500.", error.Message);
        Assert.Equal(Retries + 1, _server.Requests.Count);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task No_answer_at_all_is_a_failure_without_status()
    {
        using var sender = Sender(new Uri("http://127.0.0.1:1")); // nothing listens on port 1

        var error = await Assert.ThrowsAsync<MailSendFailedException>(() => sender.SendAsync(Mail, _timeout.Token));

        Assert.Null(error.Status);
        Assert.False(error.Refused);
        Assert.Contains(4003, _logger.EventIds);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_callers_cancellation_stays_a_cancellation_though_the_library_reports_it_as_a_timeout()
    {
        _server.EnqueueNoAnswer();
        using var sender = Sender();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);

        var send = sender.SendAsync(Mail, cancel.Token);
        await _server.WaitForRequestsAsync(1, _timeout.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_base_url_with_a_path_keeps_it()
    {
        using var sender = Sender(new Uri(_server.BaseUrl, "/proxy/"));

        await sender.SendAsync(Mail, _timeout.Token);

        Assert.Equal("/proxy/v3/mail/send", Assert.Single(_server.Requests).Path);
    }
}
