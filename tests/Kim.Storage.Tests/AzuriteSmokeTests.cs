using Kim.Testing;

namespace Kim.Storage.Tests;

public sealed class AzuriteSmokeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Azurite_answers_on_its_table_port()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(azurite.TableEndpoint);
        Assert.True((int)response.StatusCode < 500);
    }
}
