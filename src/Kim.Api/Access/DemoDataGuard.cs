using Kim.Core.Storage;

namespace Kim.Api.Access;

/// <summary>
/// Outside Development, the demo accounts must not work: their staff ids and partner keys are
/// public (API.md, "Demo data"), and storage once seeded in Development keeps them. Kim refuses
/// to start rather than deactivate them itself, so that nobody runs a production Kim unaware that
/// its storage was a playground, and so that Kim never changes access records on its own.
/// </summary>
public static class DemoDataGuard
{
    /// <summary>
    /// The demo accounts still active in <paramref name="directory"/>: active demo staff and demo
    /// partners whose public key still authenticates. Empty when none is.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ActiveDemoAccountsAsync(IAccessDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var active = new List<string>();
        foreach (var staff in DemoData.Staff)
        {
            if (await directory.FindStaffAsync(staff.Id, cancellationToken) is { Active: true })
            {
                active.Add(staff.Id);
            }
        }

        foreach (var partner in DemoData.Partners)
        {
            if (await directory.FindPartnerByApiKeyAsync(DemoData.Keys[partner.Id], cancellationToken) is not null)
            {
                active.Add(partner.Id);
            }
        }

        return active;
    }

    /// <summary>
    /// Outside Development: the one line that says why Kim does not start and what to do, when demo
    /// accounts are active; null when Kim may start (always in Development, which seeds them).
    /// </summary>
    public static async Task<string?> RefusalAsync(IAccessDirectory directory, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return null;
        }

        var active = await ActiveDemoAccountsAsync(directory, cancellationToken);
        return active.Count == 0
            ? null
            : $"Kim does not start in {environment.EnvironmentName}: this storage holds the demo accounts of Development " +
              $"({string.Join(", ", active)}), whose ids and keys are public. Remove their rows (every row whose Id names one of them) from the tables " +
              $"'{StorageNames.StaffTable}' and '{StorageNames.PartnersTable}', deactivate them and revoke the demo keys through the administration routes, " +
              "or use storage that was never seeded in Development.";
    }
}
