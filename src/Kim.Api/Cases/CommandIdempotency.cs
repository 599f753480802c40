using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Core.Records;

namespace Kim.Api.Cases;

/// <summary>
/// The <c>Idempotency-Key</c> of staff commands (API.md): a command sent again with the same key,
/// by the same staff member, to the same case, is applied once. The key becomes the event's id
/// (<see cref="EventIdOf"/>), so the records' dedup marker, written in the commit's transaction,
/// refuses the repeat, even after a crash or from another instance of Kim. A repeat is answered
/// as the first request was (the item it created, the case as it is now); the same key with
/// another command or other content is 422 <c>idempotency-key-reused</c>. Without the header, every
/// request is a new command.
/// </summary>
public static class CommandIdempotency
{
    /// <summary>The header, shared with the partners' intake.</summary>
    public const string Header = IntakeApi.IdempotencyKeyHeader;

    /// <summary>
    /// The event id for the request's key: <c>cmd-</c> and 32 hex digits of SHA-256 over the staff id
    /// and the key (a valid row key whatever the key holds). Null without the header.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="staff">The caller: keys are the caller's own.</param>
    /// <param name="problem">A 422 naming the header when the key is empty, longer than 200 characters or not visible ASCII.</param>
    public static string? EventIdOf(HttpContext context, StaffMember staff, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(staff);
        problem = null;
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > KimLimits.ShortTextLength || key.Any(c => c is < '!' or > '~'))
        {
            problem = KimProblems.Validation(new Dictionary<string, string[]>
            {
                [Header] = [$"must be one value of 1 to {KimLimits.ShortTextLength} visible ASCII characters"],
            }).ToResult();
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(staff.Id + "\n" + key));
        return "cmd-" + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>Whether the event applied first under the key was this command: the same event name and the same payload.</summary>
    public static bool IsSameCommand(HistoryEntry first, string eventName, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.Data.ValueKind == JsonValueKind.Object
            && first.Data.TryGetProperty("name", out var name) && name.GetString() == eventName
            && first.Data.TryGetProperty("payload", out var firstPayload) && JsonElement.DeepEquals(firstPayload, payload);
    }

    /// <summary>The problem of a key sent before with another command or other content.</summary>
    public static IResult Reused() => KimProblems.IdempotencyKeyReused(
        "This Idempotency-Key was sent before with another command or other content. Use a new key for a new command.").ToResult();
}
