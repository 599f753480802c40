using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// One queue: send (optionally delayed up to 7 days), receive in batches, update visibility,
/// delete by pop receipt, peek, and the approximate length. Message text is sent as-is (no Base64).
/// https://learn.microsoft.com/rest/api/storageservices/operations-on-messages
/// </summary>
public sealed class QueueClient
{
    /// <summary>The longest a message can stay hidden: 7 days.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>The largest message text: 64 KiB (UTF-8).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StorageRestClient _rest;

    public QueueClient(StorageAccount account, string queueName, StorageClientOptions? options = null)
        : this(StorageRestClient.ForQueues(account ?? throw new ArgumentNullException(nameof(account)), options), queueName)
    {
    }

    internal QueueClient(StorageRestClient rest, string queueName)
    {
        BlobContainerClient.ValidateContainerOrQueueName(queueName, "queue");
        _rest = rest;
        Name = queueName;
    }

    public string Name { get; }

    /// <summary>Creates the queue; an existing one is fine. True when it was created (201, not 204).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-queue4</remarks>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Put, Name);
        var response = await _rest.SendAsync(message, cancellationToken, 409);
        return response.Status == 201;
    }

    /// <summary>
    /// Sends a message that becomes visible after <paramref name="visibilityDelay"/> (0 to 7 days).
    /// It never expires (<c>messagettl=-1</c>): a TTL would have to exceed the delay anyway.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/put-message</remarks>
    public async Task<SendReceipt> SendMessageAsync(
        string messageText, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        var content = MessageContent(messageText);
        var delay = Seconds(visibilityDelay ?? TimeSpan.Zero, nameof(visibilityDelay));
        using var message = _rest.CreateMessage(RequestMethod.Post, $"{Name}/messages?visibilitytimeout={delay}&messagettl=-1");
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = content;
        var response = await _rest.SendAsync(message, cancellationToken);
        var m = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new SendReceipt(
            m.Element("MessageId")!.Value, m.Element("PopReceipt")!.Value,
            Date(m.Element("InsertionTime")!.Value), Date(m.Element("TimeNextVisible")!.Value));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1-32) messages and hides them for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-messages</remarks>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(
        int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var timeout = Seconds(visibilityTimeout ?? TimeSpan.FromSeconds(30), nameof(visibilityTimeout), minimum: 1);
        using var message = _rest.CreateMessage(RequestMethod.Get, $"{Name}/messages?numofmessages={maxMessages}&visibilitytimeout={timeout}");
        var response = await _rest.SendAsync(message, cancellationToken);
        return Messages(response)
            .Select(m => new QueueMessage(
                m.Element("MessageId")!.Value,
                m.Element("PopReceipt")!.Value,
                m.Element("MessageText")?.Value ?? "",
                long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(m.Element("InsertionTime")!.Value),
                OptionalDate(m.Element("ExpirationTime")),
                Date(m.Element("TimeNextVisible")!.Value)))
            .ToList();
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> (1-32) visible messages without receiving them.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/peek-messages</remarks>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using var message = _rest.CreateMessage(RequestMethod.Get, $"{Name}/messages?peekonly=true&numofmessages={maxMessages}");
        var response = await _rest.SendAsync(message, cancellationToken);
        return Messages(response)
            .Select(m => new PeekedMessage(
                m.Element("MessageId")!.Value,
                m.Element("MessageText")?.Value ?? "",
                long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(m.Element("InsertionTime")!.Value),
                OptionalDate(m.Element("ExpirationTime"))))
            .ToList();
    }

    /// <summary>
    /// Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible
    /// at once), optionally replacing its text. The returned pop receipt replaces the old one.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/update-message</remarks>
    public async Task<UpdateReceipt> UpdateMessageAsync(
        string messageId, string popReceipt, TimeSpan visibilityTimeout, string? messageText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var content = messageText is null ? null : MessageContent(messageText);
        var timeout = Seconds(visibilityTimeout, nameof(visibilityTimeout));
        using var message = _rest.CreateMessage(
            RequestMethod.Put,
            $"{Name}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={timeout}");
        if (content is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = content;
        }

        var response = await _rest.SendAsync(message, cancellationToken);
        return new UpdateReceipt(
            response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt! : throw new RequestFailedException("The update answered no pop receipt."),
            response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? Date(next!) : default);
    }

    /// <summary>Deletes a received message. A receipt that is no longer current fails with 400 PopReceiptMismatch.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/delete-message2</remarks>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _rest.CreateMessage(
            RequestMethod.Delete, $"{Name}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}");
        await _rest.SendAsync(message, cancellationToken);
    }

    /// <summary>The approximate number of messages, visible or not.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-queue-metadata</remarks>
    public async Task<long> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, $"{Name}?comp=metadata");
        var response = await _rest.SendAsync(message, cancellationToken);
        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count)
            ? long.Parse(count!, CultureInfo.InvariantCulture)
            : throw new RequestFailedException("The queue answered no approximate message count.");
    }

    /// <summary>The XML body of a message; XElement escapes the text (and refuses characters XML cannot hold).</summary>
    internal static RequestContent MessageContent(string messageText)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (Encoding.UTF8.GetByteCount(messageText) > MaxMessageBytes)
        {
            throw new ArgumentException(
                $"A queue message holds at most {MaxMessageBytes} bytes; put larger payloads in a blob and enqueue a reference.",
                nameof(messageText));
        }

        var xml = new XElement("QueueMessage", new XElement("MessageText", messageText)).ToString(SaveOptions.DisableFormatting);
        return RequestContent.Create(Encoding.UTF8.GetBytes(xml));
    }

    private static int Seconds(TimeSpan value, string paramName, int minimum = 0)
    {
        if (value < TimeSpan.FromSeconds(minimum) || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"A visibility timeout lies between {minimum} s and 7 days.");
        }

        return (int)Math.Ceiling(value.TotalSeconds);
    }

    private static IEnumerable<XElement> Messages(Response response) =>
        XDocument.Parse(response.Content.ToString()).Root?.Elements("QueueMessage") ?? [];

    private static DateTimeOffset Date(string rfc1123) =>
        DateTimeOffset.ParseExact(rfc1123, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? OptionalDate(XElement? element) =>
        element is null || string.IsNullOrEmpty(element.Value) ? null
        : DateTimeOffset.TryParseExact(element.Value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
