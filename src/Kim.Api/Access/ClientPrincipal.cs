using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Api.Access;

/// <summary>
/// The principal App Service Authentication passes in <c>X-MS-CLIENT-PRINCIPAL</c>: Base64 of a JSON
/// object (https://learn.microsoft.com/azure/app-service/configure-authentication-user-identities).
/// </summary>
public sealed record ClientPrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("claims")] IReadOnlyList<ClientPrincipalClaim>? Claims,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType)
{
    /// <summary>The claim types Entra ID uses for the object id, long and short form.</summary>
    public static IReadOnlyList<string> ObjectIdClaimTypes { get; } =
        ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    /// <summary>The largest header we decode; a real principal is a few KiB.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    public string? ObjectId => Claims?
        .FirstOrDefault(c => c.Type is not null && ObjectIdClaimTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(c.Value))?.Value;

    /// <summary>Decodes the header; null with a reason when it is not a principal.</summary>
    public static ClientPrincipal? TryDecode(string header, out string? error)
    {
        error = null;
        if (header.Length > MaxHeaderLength)
        {
            error = "too long";
            return null;
        }

        try
        {
            var json = Convert.FromBase64String(header.Trim());
            var principal = JsonSerializer.Deserialize<ClientPrincipal>(json);
            if (principal is null)
            {
                error = "null";
            }

            return principal;
        }
        catch (FormatException)
        {
            error = "not Base64";
        }
        catch (JsonException)
        {
            error = "not a principal in JSON";
        }
        catch (DecoderFallbackException)
        {
            error = "not UTF-8";
        }

        return null;
    }
}
