using Azure;
using Kim.Core.Storage;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync(RequestCountingPolicy? counter = null)
    {
        var queue = new QueueServiceClient(Account(azurite), Options(counter)).GetQueueClient(UniqueName("q"));
        await queue.CreateIfNotExistsAsync(Timeout());
        counter?.Reset();
        return queue;
    }

    [Fact(Timeout = 30_000)]
    public async Task Create_if_missing_creates_once_and_accepts_an_existing_queue()
    {
        var queue = new QueueServiceClient(Account(azurite), Options()).GetQueueClient(UniqueName("q"));
        Assert.True(await queue.CreateIfNotExistsAsync(Timeout()));
        Assert.False(await queue.CreateIfNotExistsAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_sent_message_is_received_with_its_text_and_details_and_hidden_while_held()
    {
        var queue = await NewQueueAsync();
        var text = "<a & 'b'> \"c\" ü €";
        var sent = await queue.SendMessageAsync(text, cancellationToken: Timeout());

        var received = Assert.Single(await queue.ReceiveMessagesAsync(5, TimeSpan.FromSeconds(30), Timeout()));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.True(received.NextVisibleOn > received.InsertedOn);
        Assert.Empty(await queue.ReceiveMessagesAsync(5, cancellationToken: Timeout()));
        Assert.Empty(await queue.PeekMessagesAsync(5, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Receive_takes_a_batch_of_at_most_the_requested_size()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}", cancellationToken: Timeout());
        }

        Assert.Equal(3, (await queue.ReceiveMessagesAsync(3, cancellationToken: Timeout())).Count);
        Assert.Equal(2, (await queue.ReceiveMessagesAsync(32, cancellationToken: Timeout())).Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_delayed_message_is_not_received_before_it_is_due_and_is_received_after()
    {
        var queue = await NewQueueAsync();
        var sentAt = DateTimeOffset.UtcNow;
        await queue.SendMessageAsync("later", TimeSpan.FromSeconds(2), Timeout());

        Assert.Empty(await queue.ReceiveMessagesAsync(cancellationToken: Timeout()));
        Assert.Empty(await queue.PeekMessagesAsync(cancellationToken: Timeout()));

        QueueMessage? received = null;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (received is null)
        {
            received = (await queue.ReceiveMessagesAsync(cancellationToken: deadline.Token)).SingleOrDefault();
            if (received is null)
            {
                await Task.Delay(100, deadline.Token); // polling interval, not a synchronisation sleep
            }
        }

        Assert.Equal("later", received.MessageText);
        // Azure's clock has one-second resolution: allow for rounding on both ends.
        Assert.True(DateTimeOffset.UtcNow - sentAt >= TimeSpan.FromSeconds(1), "received too early");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_visibility_delay_beyond_7_days_is_refused_before_sending()
    {
        var counter = new RequestCountingPolicy();
        var queue = await NewQueueAsync(counter);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => queue.SendMessageAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), Timeout()));
        Assert.Equal(0, counter.Count);

        await queue.SendMessageAsync("x", TimeSpan.FromDays(7), Timeout());
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_message_over_64_KiB_is_refused_before_sending()
    {
        var counter = new RequestCountingPolicy();
        var queue = await NewQueueAsync(counter);
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', 64 * 1024 + 1), cancellationToken: Timeout()));
        Assert.Equal(0, counter.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Update_returns_a_new_pop_receipt_and_deleting_with_the_old_one_fails_with_PopReceiptMismatch()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1", cancellationToken: Timeout());
        var received = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Timeout()));

        var update = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.FromSeconds(30), "v2", Timeout());

        Assert.NotEqual(received.PopReceipt, update.PopReceipt);
        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, Timeout()));
        Assert.Equal(400, e.Status);
        Assert.Equal("PopReceiptMismatch", e.ErrorCode);

        await queue.DeleteMessageAsync(received.MessageId, update.PopReceipt, Timeout());
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Update_to_zero_visibility_makes_the_message_visible_again_with_new_text_and_a_higher_dequeue_count()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1", cancellationToken: Timeout());
        var first = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Timeout()));

        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero, "v2", Timeout());

        var peeked = Assert.Single(await queue.PeekMessagesAsync(cancellationToken: Timeout()));
        Assert.Equal("v2", peeked.MessageText);
        var second = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Timeout()));
        Assert.Equal("v2", second.MessageText);
        Assert.Equal(2, second.DequeueCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task Peek_leaves_messages_visible_and_the_count_includes_hidden_ones()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("a", cancellationToken: Timeout());
        await queue.SendMessageAsync("b", cancellationToken: Timeout());
        await queue.SendMessageAsync("hidden", TimeSpan.FromMinutes(5), Timeout());

        Assert.Equal(["a", "b"], (await queue.PeekMessagesAsync(32, Timeout())).Select(m => m.MessageText));
        Assert.Equal(["a", "b"], (await queue.PeekMessagesAsync(32, Timeout())).Select(m => m.MessageText));
        Assert.Equal(3, await queue.GetApproximateMessageCountAsync(Timeout()));
    }
}
