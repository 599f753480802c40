using System.Text.Json;
using Kim.Testing;

namespace Kim.Api.Tests.Http;

/// <summary>The OpenAPI document carries the limits the API enforces.</summary>
public sealed class OpenApiLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task Field_lengths_list_sizes_and_the_configured_upload_limits_are_in_the_document()
    {
        await using var app = new KimApp(azurite, settings: new Dictionary<string, string?>
        {
            ["Kim:Intake:MaxFileBytes"] = "123456",
            ["Kim:Intake:MaxFiles"] = "3",
        });
        using var http = app.Anonymous();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var root = document.RootElement;
        var limits = root.GetProperty("x-kim-limits");
        Assert.Equal(123456, limits.GetProperty("maxFileBytes").GetInt64());
        Assert.Equal(3, limits.GetProperty("maxFiles").GetInt32());
        Assert.Contains("123456 bytes", root.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var client = schemas.EnumerateObject().First(s => s.Name.Contains("IntakeClient", StringComparison.Ordinal)).Value.GetProperty("properties");
        Assert.Equal(100, client.GetProperty("givenName").GetProperty("maxLength").GetInt32());
        Assert.Equal(20, client.GetProperty("languages").GetProperty("maxItems").GetInt32());
    }
}
