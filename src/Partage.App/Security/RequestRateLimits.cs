using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Partage.App.Security;

/// <summary>
/// Budgets per client address on what anyone may call without an account: the doors to an account (sign-in, tokens,
/// registration, password reset), where guessing and flooding are the threats, and the public pages (a quote's answer,
/// the simulator and its API), where one address must not take the server for itself. Reading a page never counts
/// against the doors' budget, only sending to them. Over budget: 429 with Retry-After and a French message. The counts
/// are kept by each server: behind two servers an address gets each budget twice.
/// </summary>
public static class RequestRateLimits
{
    /// <summary>The doors to an account: only their POST counts.</summary>
    private static readonly string[] AccountDoors =
        ["/connexion", "/inscription", "/mot-de-passe-oublie", "/mot-de-passe/nouveau", "/api/v1/auth", "/api/v1/registrations"];

    /// <summary>Pages and calls open to anyone, every method counting.</summary>
    private static readonly string[] PublicSurfaces = ["/devis/reponse", "/simulateur", "/api/v1/payroll/simulations"];

    public static IServiceCollection AddPartageRateLimits(this IServiceCollection services, SecurityOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            limiter.OnRejected = RefuseAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext context, SecurityOptions options)
    {
        var path = context.Request.Path;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        if (HttpMethods.IsPost(context.Request.Method) && AccountDoors.Any(d => path.StartsWithSegments(d, StringComparison.OrdinalIgnoreCase)))
        {
            return PerMinute("compte:" + address, options.AccountRequestsPerMinute);
        }

        return PublicSurfaces.Any(s => path.StartsWithSegments(s, StringComparison.OrdinalIgnoreCase))
            ? PerMinute("public:" + address, options.PublicRequestsPerMinute)
            : RateLimitPartition.GetNoLimiter("libre");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        var message = $"Trop de demandes depuis votre adresse : réessayez dans {seconds} secondes.";
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (Infrastructure.PartageHost.IsApi(context))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: message,
                extensions: new Dictionary<string, object?> { ["code"] = "rate.limited" }).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Trop de demandes</title></head><body><h1>Trop de demandes</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
            ct);
    }
}
