using Microsoft.Extensions.Hosting;

namespace Kim.Api.Access;

/// <summary>
/// Seeds <see cref="DemoData"/> on start, in Development only (API.md, "Demo data"). Outside
/// Development, <see cref="DemoDataGuard"/> keeps Kim from starting while they are active.
/// </summary>
internal sealed partial class DemoDataSeeder(
    IAccessDirectory directory, IHostEnvironment environment, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await DemoData.SeedAsync(directory, cancellationToken);
        AccessLogs.DemoDataSeeded(logger, DemoData.District, DemoData.Staff.Count, DemoData.Partners.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
