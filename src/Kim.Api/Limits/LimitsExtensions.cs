using System.Threading.RateLimiting;
using Kim.Api.Access;
using Kim.Api.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kim.Api.Limits;

/// <summary>
/// Wiring of the request limits: one fixed window of a minute per caller, with ASP.NET Core's rate
/// limiter, answered with 429 and <c>Retry-After</c> beyond it.
/// </summary>
/// <remarks>
/// Partitions: a partner by its id (a key is the partner's, and a partner with two keys during a
/// rotation is still one caller); staff by their staff id, whatever sign-in brought them; anyone
/// else (no or an unknown identity) by remote address, the only handle there is, which also slows
/// down key guessing. The windows live in memory per instance: they catch bursts and runaway
/// clients, and several instances each allowing the limit is acceptable for that. What must hold
/// across restarts and instances, the daily intake quota, is counted in storage by
/// <see cref="IntakeQuota"/>.
/// </remarks>
public static class LimitsExtensions
{
    /// <summary>
    /// The settings (validated on start), the per-caller limiter and <see cref="IntakeQuota"/>, whose
    /// counts need an <see cref="IIntakeQuotaCounter"/> (on storage: <c>AddKimIntakeWorkflow</c>).
    /// </summary>
    public static IServiceCollection AddKimLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KimLimitsOptions>()
            .Bind(configuration.GetSection(KimLimitsOptions.Section))
            .Validate(o => o.IsValid(), "Kim:Limits: every RequestsPerMinute and IntakesPerDay must be a positive number")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntakeQuota>();
        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddOptions<RateLimiterOptions>().Configure<IOptionsMonitor<KimLimitsOptions>>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.CurrentValue));
            options.OnRejected = (rejected, _) => new ValueTask(KimProblems.WriteAsync(rejected.HttpContext, KimProblems.TooManyRequests(
                rejected.HttpContext.Response,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1),
                "You sent more requests this minute than Kim accepts from one caller; send again after Retry-After seconds.")));
        });
        return services;
    }

    /// <summary>After <c>UseKimAccess</c>'s authentication, so that the caller is known; before the endpoints.</summary>
    public static IApplicationBuilder UseKimLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context, KimLimitsOptions limits)
    {
        if (context.FindPartner() is { } partner)
        {
            return PerMinute("partner:" + partner.Id, limits.PartnerRequestsPerMinute(partner.Id));
        }

        if (context.FindStaffMember() is { } staff)
        {
            return PerMinute("staff:" + staff.Id, limits.StaffRequestsPerMinute);
        }

        return PerMinute("address:" + context.Connection.RemoteIpAddress, limits.AnonymousRequestsPerMinute);
    }

    private static RateLimitPartition<string> PerMinute(string caller, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
