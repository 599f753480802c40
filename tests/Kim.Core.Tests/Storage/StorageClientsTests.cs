using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Kim.Core.Storage;
using Moq;

namespace Kim.Core.Tests.Storage;

/// <summary>The SDK clients built from identity-based settings: endpoints and token, without a network call.</summary>
public sealed class StorageClientsTests
{
    [Fact]
    public async Task An_identity_based_account_name_gives_clients_on_the_account_s_endpoints_that_send_a_bearer_token()
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage__accountName"] = "acct" };
        var (credential, scopes) = FakeCredential();
        var account = StorageAccount.FromSettings(settings.GetValueOrDefault, () => credential);
        var handler = new RecordingHandler();

        var tables = account.CreateTableServiceClient(Offline(handler));
        var blobs = account.CreateBlobServiceClient(Offline(handler));
        var queues = account.CreateQueueServiceClient(Offline(handler));

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), tables.Uri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), blobs.Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), queues.Uri);
        await Assert.ThrowsAsync<RequestFailedException>(() => tables.GetPropertiesAsync());
        await Assert.ThrowsAsync<RequestFailedException>(() => blobs.GetPropertiesAsync());
        await Assert.ThrowsAsync<RequestFailedException>(() => queues.GetPropertiesAsync());
        Assert.Equal(
            [("acct.table.core.windows.net", "Bearer token-1"), ("acct.blob.core.windows.net", "Bearer token-1"), ("acct.queue.core.windows.net", "Bearer token-1")],
            handler.Requests);
        Assert.All(scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
    }

    [Fact]
    public void Explicit_identity_based_service_uris_are_the_clients_uris()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage__blobServiceUri"] = "https://acct.blob.core.windows.net",
        };
        var account = StorageAccount.FromSettings(settings.GetValueOrDefault, () => FakeCredential().Credential);

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), account.CreateTableServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), account.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), account.CreateQueueServiceClient().Uri);
    }

    [Fact]
    public void Without_a_credential_factory_the_identity_is_the_default_azure_credential()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__accountName"] = "acct",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        };

        var account = StorageAccount.FromSettings(settings.GetValueOrDefault);

        Assert.IsType<DefaultAzureCredential>(account.TokenCredential);
    }

    [Fact]
    public void A_key_based_account_builds_clients_on_its_path_style_endpoints()
    {
        var account = StorageAccount.DevelopmentStorage;

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.CreateTableServiceClient().Uri);
        Assert.Equal("devstoreaccount1", account.CreateBlobServiceClient().AccountName);
        Assert.Equal("devstoreaccount1", account.CreateQueueServiceClient().AccountName);
    }

    private static Action<ClientOptions> Offline(RecordingHandler handler) => options =>
    {
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        options.Retry.MaxRetries = 0;
    };

    private static (TokenCredential Credential, List<string> Scopes) FakeCredential()
    {
        var scopes = new List<string>();
        var token = new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback<TokenRequestContext, CancellationToken>((context, _) => scopes.AddRange(context.Scopes))
            .ReturnsAsync(token);
        credential
            .Setup(c => c.GetToken(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback<TokenRequestContext, CancellationToken>((context, _) => scopes.AddRange(context.Scopes))
            .Returns(token);
        return (credential.Object, scopes);
    }
}
