using Azure.Core;
using Kim.Core.Storage;
using Moq;

namespace Kim.Core.Tests.Storage;

public sealed class StorageAccountTests
{
    private const string Key = "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5";

    [Fact]
    public void Development_storage_means_azurite_on_its_default_ports_path_style()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", account.TableEndpoint.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10001/devstoreaccount1", account.QueueEndpoint.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", account.BlobEndpoint.AbsoluteUri.TrimEnd('/'));
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Null(account.TokenCredential);
    }

    [Fact]
    public void An_account_key_string_derives_endpoints_from_protocol_name_and_suffix()
    {
        var account = StorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=kimprod;AccountKey={Key};EndpointSuffix=core.windows.net");
        Assert.Equal(new Uri("https://kimprod.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://kimprod.queue.core.windows.net"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://kimprod.blob.core.windows.net"), account.BlobEndpoint);
        Assert.Equal("kimprod", account.AccountName);
    }

    [Fact]
    public void Another_cloud_s_endpoint_suffix_is_used()
    {
        var account = StorageAccount.Parse($"AccountName=kim;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal(new Uri("https://kim.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones()
    {
        var account = StorageAccount.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "TableEndpoint=http://127.0.0.1:5/devstoreaccount1;QueueEndpoint=http://127.0.0.1:6/devstoreaccount1;BlobEndpoint=http://127.0.0.1:7/devstoreaccount1;");
        Assert.Equal(5, account.TableEndpoint.Port);
        Assert.Equal(6, account.QueueEndpoint.Port);
        Assert.Equal(7, account.BlobEndpoint.Port);
    }

    [Theory]
    [InlineData("AccountName=kim", "AccountKey is missing")]
    [InlineData("AccountKey=" + Key, "AccountName is missing")]
    [InlineData("just text", "'Key=Value'")]
    [InlineData("UseDevelopmentStorage=false", "must be 'true'")]
    [InlineData("AccountName=kim;SharedAccessSignature=sv=1", "not supported")]
    [InlineData("AccountName=kim;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=kim;AccountKey=" + Key + ";BlobEndpoint=not a url", "BlobEndpoint")]
    public void A_malformed_connection_string_fails_with_a_message_naming_the_problem(string connectionString, string expected)
    {
        var e = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<FormatException>(() => StorageAccount.Parse("AccountName=kim;AccountKey=secret!!not-base64"));
        Assert.Contains("Base64", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_with_a_connection_string_use_it_and_never_ask_for_a_credential()
    {
        var factory = new Mock<Func<TokenCredential>>(MockBehavior.Strict);
        var account = StorageAccount.FromSettings(
            name => name == "AzureWebJobsStorage" ? "UseDevelopmentStorage=true" : "ignored", factory.Object);
        Assert.Same(StorageAccount.DevelopmentStorage, account);
    }

    [Fact]
    public void An_identity_based_account_name_gives_https_endpoints_and_the_credential()
    {
        var credential = Mock.Of<TokenCredential>();
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage__accountName"] = "kimprod" };

        var account = StorageAccount.FromSettings(settings.GetValueOrDefault, () => credential);

        Assert.Equal(new Uri("https://kimprod.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://kimprod.queue.core.windows.net"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://kimprod.blob.core.windows.net"), account.BlobEndpoint);
        Assert.Same(credential, account.TokenCredential);
        Assert.Null(account.AccountName);
    }

    [Fact]
    public void Identity_based_service_uris_are_used_as_given()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__tableServiceUri"] = "https://t.example/",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://q.example/",
            ["AzureWebJobsStorage__blobServiceUri"] = "https://b.example/",
        };

        var account = StorageAccount.FromSettings(settings.GetValueOrDefault, Mock.Of<TokenCredential>);

        Assert.Equal(("t.example", "q.example", "b.example"), (account.TableEndpoint.Host, account.QueueEndpoint.Host, account.BlobEndpoint.Host));
    }

    [Fact]
    public void Identity_based_service_uris_must_all_be_given()
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage__blobServiceUri"] = "https://b.example/" };
        var e = Assert.Throws<FormatException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault, Mock.Of<TokenCredential>));
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", e.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_identity_account_name_is_refused()
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobsStorage__accountName"] = "Kim_Prod" };
        Assert.Throws<FormatException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault, Mock.Of<TokenCredential>));
    }

    [Fact]
    public void No_setting_at_all_fails_with_a_message_naming_the_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromSettings(_ => null, Mock.Of<TokenCredential>));
        Assert.Contains("'AzureWebJobsStorage' is missing", e.Message, StringComparison.Ordinal);
    }
}
