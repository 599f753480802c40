using Azure;
using Kim.Core.Storage;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ErrorAndAuthenticationTests(AzuriteFixture azurite)
{
    private const string WrongKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private StorageAccount WrongKeyAccount() =>
        StorageAccount.Parse(azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, WrongKey, StringComparison.Ordinal));

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_key_on_tables_fails_with_403_and_the_error_code_from_the_xml_body()
    {
        var table = new TableServiceClient(WrongKeyAccount(), Options()).GetTableClient(UniqueName("t"));
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateIfNotExistsAsync(Timeout()));
        Assert.Equal(403, e.Status);
        Assert.Equal("AuthorizationFailure", e.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wrong_key_on_queues_and_blobs_fails_with_403()
    {
        var queue = new QueueServiceClient(WrongKeyAccount(), Options()).GetQueueClient(UniqueName("q"));
        var blob = new BlobServiceClient(WrongKeyAccount(), Options()).GetBlobContainerClient(UniqueName("c"));
        var qe = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync(Timeout()));
        var be = await Assert.ThrowsAsync<RequestFailedException>(() => blob.CreateIfNotExistsAsync(Timeout()));
        Assert.Equal((403, 403), (qe.Status, be.Status));
        Assert.False(string.IsNullOrEmpty(qe.ErrorCode));
        Assert.False(string.IsNullOrEmpty(be.ErrorCode));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_right_key_passes_every_service_ping()
    {
        var account = Account(azurite);
        await new TableServiceClient(account, Options()).PingAsync(Timeout());
        await new QueueServiceClient(account, Options()).PingAsync(Timeout());
        await new BlobServiceClient(account, Options()).PingAsync(Timeout());
    }
}
