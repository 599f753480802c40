using System.Text.Json;
using System.Text.RegularExpressions;
using Kim.Testing;

namespace Kim.Functions.Tests;

/// <summary>
/// infra/main.json (the ARM JSON of infra/main.bicep) read as data: no secret in it or in the
/// parameters file, storage reached by identity only, the identity's roles, every setting Kim
/// needs on Azure; and the Bicep source declares the same settings and resources.
/// </summary>
public sealed partial class InfraTemplateTests
{
    private static readonly string Infra = Path.Combine(RepoPaths.Root, "infra");

    // Blob Data Owner, Queue Data Contributor, Table Data Contributor (Azure built-in roles).
    private static readonly string[] StorageRoles =
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"];

    // What Kim and the host need on Azure with no default that fits there (API.md, README "Settings").
    private static readonly string[] RequiredSettings =
    [
        "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "SendGrid__ApiKey", "SendGrid__From", "Kim__PublicBaseUrl", "Kim__Auth__AppServiceAuthentication",
        "Kim__Reminders__Schedule",
        "Kim__Limits__Partner__RequestsPerMinute", "Kim__Limits__Partner__IntakesPerDay",
        "Kim__Limits__Staff__RequestsPerMinute", "Kim__Limits__Anonymous__RequestsPerMinute",
        "Kim__Intake__MaxFileBytes", "Kim__Intake__MaxFiles",
    ];

    private static readonly JsonElement Template = Read("main.json");

    [Fact]
    public void No_secret_is_written_into_the_template_or_its_parameters()
    {
        foreach (var file in new[] { "main.json", "main.bicep", "main.parameters.json" })
        {
            var text = File.ReadAllText(Path.Combine(Infra, file));
            Assert.DoesNotMatch(SecretPattern(), text);
        }

        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName=", Settings()["SendGrid__ApiKey"], StringComparison.Ordinal);
        Assert.DoesNotContain(Settings().Keys, key => key == "AzureWebJobsStorage");
        Assert.Equal("managedidentity", Settings()["AzureWebJobsStorage__credential"]);
        Assert.Equal("true", Settings()["Kim__Auth__AppServiceAuthentication"]);
    }

    [Fact]
    public void The_storage_account_takes_https_tls_1_2_and_identities_only()
    {
        var storage = Resource("Microsoft.Storage/storageAccounts");
        var properties = storage.GetProperty("properties");

        Assert.Equal("StorageV2", storage.GetProperty("kind").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
    }

    [Fact]
    public void The_apps_identity_holds_the_blob_queue_and_table_roles_on_the_account_and_reads_the_vault()
    {
        var app = Resource("Microsoft.Web/sites");
        Assert.Equal("SystemAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
        Assert.Equal("FC1", Resource("Microsoft.Web/serverfarms").GetProperty("sku").GetProperty("name").GetString());

        var assignments = Resources("Microsoft.Authorization/roleAssignments").ToList();
        Assert.All(assignments, a => Assert.Contains("resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01', 'full').identity.principalId", a.GetProperty("properties").GetProperty("principalId").GetString(), StringComparison.Ordinal));

        var storage = assignments.Single(a => a.GetProperty("scope").GetString()!.Contains("Microsoft.Storage/storageAccounts/", StringComparison.Ordinal));
        Assert.Equal("[length(variables('storageRoles'))]", storage.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal(StorageRoles, Template.GetProperty("variables").GetProperty("storageRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(assignments, a => a.GetProperty("scope").GetString()!.Contains("Microsoft.KeyVault/vaults/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_setting_kim_needs_on_azure_is_set_in_both_template_forms()
    {
        var bicep = File.ReadAllText(Path.Combine(Infra, "main.bicep"));

        Assert.All(RequiredSettings, name =>
        {
            Assert.Contains(name, Settings().Keys);
            Assert.Contains($"name: '{name}'", bicep, StringComparison.Ordinal);
        });
        Assert.Equal(Settings().Count, BicepSetting().Matches(bicep).Count);
    }

    [Fact]
    public void Staff_routes_need_an_entra_id_sign_in_while_partner_health_and_reference_paths_pass_to_kim()
    {
        var auth = Resource("Microsoft.Web/sites/config").GetProperty("properties");
        var validation = auth.GetProperty("globalValidation");

        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("Return401", validation.GetProperty("unauthenticatedClientAction").GetString());
        var excluded = Template.GetProperty("variables").GetProperty("anonymousPaths").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["/api/health", "/api/intake", "/api/intake/*", "/api/referrals/*", "/openapi/*", "/api/docs", "/api/docs/*"], excluded);
        Assert.True(auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void The_bicep_source_declares_the_resources_of_the_arm_json()
    {
        var bicep = File.ReadAllText(Path.Combine(Infra, "main.bicep"));
        var types = Template.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("type").GetString()!).Distinct();

        Assert.All(types, type => Assert.Contains($"'{type}@", bicep, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Settings() =>
        Resource("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    private static JsonElement Resource(string type) => Resources(type).Single();

    private static IEnumerable<JsonElement> Resources(string type) =>
        Template.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

    private static JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, file)));
        return document.RootElement.Clone();
    }

    // Account keys, connection strings with keys, SAS tokens, SendGrid keys (SG.…), Entra client secrets.
    [GeneratedRegex(@"AccountKey=|SharedAccessSignature|[?&]sig=|\bSG\.[A-Za-z0-9_-]{10,}|DefaultEndpointsProtocol=|InstrumentationKey=|clientSecret", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"\{ name: '[A-Za-z_]+', value: ")]
    private static partial Regex BicepSetting();
}
